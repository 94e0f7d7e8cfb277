"""Messages after Send go in the right language: to the person in the language they asked to be contacted
in (English or Welsh), else the one they used; to whoever asked for them in the language they used."""

from app.referrals.after import message_language
from app.referrals.models import Referral


def test_a_message_to_the_person_uses_the_language_they_asked_to_be_contacted_in():
    referral = Referral(lang="en", contact_language="cy", asker="family")
    assert message_language(referral, to_person=True) == "cy"
    assert message_language(referral, to_person=False) == "en"  # the family member used the site in English


def test_another_contact_language_falls_back_to_the_language_used_on_the_site():
    referral = Referral(lang="cy", contact_language="other", asker="self")
    assert message_language(referral, to_person=True) == "cy"


def test_an_unknown_language_is_english():
    assert message_language(Referral(lang="fr", contact_language=None, asker="self"), to_person=True) == "en"
