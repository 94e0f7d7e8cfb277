"""The one email check used wherever an address is typed, and the mailto links built from it."""

import pytest

from app.emails import MAX_LENGTH, is_email, mailto


@pytest.mark.parametrize(
    "address",
    [
        "person@example.org",
        "first.last@council.gov.uk",
        "o'brien@example.co.uk",
        "name+tag@mail.example.org",
        "A.Person@Example.ORG",
        "x@xn--bcher-kva.example",
    ],
)
def test_an_ordinary_address_is_an_email(address):
    assert is_email(address)


@pytest.mark.parametrize(
    "address",
    [
        "person@example.org?cc=x%40evil.example",
        "person@example.org?subject=hello",
        "per%son@example.org",
        "person@example.org#top",
        "a@b.org,c@d.org",
        "a@b.org;c@d.org",
        "a@b@c.org",
        "two words@example.org",
        " person@example.org",
        "person@example.org\n",
        "person@exam\x00ple.org",
        "person@example",
        "person@localhost",
        "person@example.o",
        "person@.example.org",
        "person@example..org",
        "person@-example.org",
        ".person@example.org",
        "per..son@example.org",
        "<person@example.org>",
        "Person <person@example.org>",
        "pérson@example.org",
        "person@",
        "@example.org",
        "",
        "a" * 65 + "@example.org",
        "a@" + "b" * (MAX_LENGTH) + ".org",
    ],
)
def test_anything_but_one_plain_address_is_not_an_email(address):
    assert not is_email(address)
    assert mailto(address) is None


def test_is_email_takes_only_text():
    assert not is_email(None)


def test_a_mailto_link_encodes_every_character_outside_the_address():
    assert mailto("person@example.org") == "mailto:person@example.org"
    assert mailto("o'brien+work@example.org") == "mailto:o%27brien%2Bwork@example.org"


@pytest.mark.parametrize("name", ["CONTACT_EMAIL", "COUNCIL_TEAM_EMAIL"])
def test_production_refuses_an_address_setting_that_is_not_one_email(name):
    from app.config import ConfigError, load_config
    from tests.site import PRODUCTION_SETTINGS

    with pytest.raises(ConfigError, match=f"{name} must be one email address"):
        load_config({**PRODUCTION_SETTINGS, name: "help@council.example?cc=someone@evil.example"})
