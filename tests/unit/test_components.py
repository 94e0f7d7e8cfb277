"""The easy-read components render the right markup and register their text for audio."""

import pytest
from flask import render_template_string
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField

from app.easyread.reader import reader
from app.easyread.symbols import UnknownSymbol, symbol

IMPORTS = '{% from "components/easyread.html" import heading, symbol_row, link_row, panel, back_link, button, button_link, error_summary, answer_cards, progress, summary_list %}'


def render(source: str, **context) -> str:
    return render_template_string(IMPORTS + source, **context)


class ChoiceForm(FlaskForm):
    colour = RadioField(choices=["red", "blue"])
    jobs = SelectMultipleField(choices=["cafe", "garden"])


def test_symbol_row_puts_the_symbol_first_and_registers_its_text(request_context):
    html = render('{{ symbol_row("work", "I would like a job.") }}')
    assert html.index('<img class="symbol"') < html.index("I would like a job.")
    assert 'alt=""' in html
    assert [c.text for c in reader().clips] == ["I would like a job."]
    assert f'href="{reader().clips[0].url}"' in html


def test_a_symbol_that_carries_meaning_alone_has_alt_text(request_context):
    html = str(symbol("warning", 40, alt="Warning"))
    assert 'alt="Warning"' in html and 'width="40"' in html and 'height="40"' in html


def test_an_unknown_concept_fails_loudly_instead_of_rendering_blank(request_context):
    with pytest.raises(UnknownSymbol):
        symbol("no-such-concept")
    with pytest.raises(UnknownSymbol):
        render('{{ symbol_row("no-such-concept", "Text.") }}')


def test_aliases_give_the_same_picture(request_context):
    assert str(symbol("job")) == str(symbol("work"))


def test_heading_sets_the_page_title(request_context):
    render('{{ heading("What you can do") }}{{ heading("Later", level=2) }}')
    assert reader().heading == "What you can do"


def test_progress_says_which_question_in_words_and_a_bar(request_context):
    html = render("{{ progress(3, 9) }}")
    assert "Question 3 of 9" in html and '<progress max="9" value="3"' in html


def test_summary_list_has_a_change_link_named_for_its_row(request_context):
    html = render('{{ summary_list([("Your name", "Sam", "/change-name"), ("Age", "17", none)]) }}')
    assert '<a href="/change-name">Change<span class="visually-hidden"> Your name</span></a>' in html
    assert html.count("Change") == 1
    assert [c.text for c in reader().clips] == ["Your name", "Sam", "Age", "17"]


def test_back_link_and_buttons(request_context):
    html = render(
        '{{ back_link("/before") }}{{ button("Send my request", "done") }}{{ button_link("Start", "/start", "next") }}'
    )
    assert '<a class="back-link" href="/before">' in html and "Back" in html
    assert '<button class="button" type="submit">' in html and "Send my request" in html
    assert '<a class="button" href="/start">' in html


def test_answer_cards_are_real_radios_inside_labels_and_keep_the_choice(request_context):
    form = ChoiceForm(data={"colour": "blue"})
    html = render(
        '{{ answer_cards(form.colour, "Which colour?", [("red", "Red", "art"), ("blue", "Blue", "art")], level=1) }}',
        form=form,
    )
    assert html.count('type="radio"') == 2
    assert 'value="blue" checked' in html and 'value="red" checked' not in html
    assert '<label class="answer-card" for="colour-2">' in html
    assert "<legend" in html and "<h1" in html and reader().heading == "Which colour?"


def test_answer_cards_can_be_checkboxes(request_context):
    form = ChoiceForm(data={"jobs": ["cafe", "garden"]})
    html = render(
        '{{ answer_cards(form.jobs, "Which jobs?", [("cafe", "Cafe", "cafe"), ("garden", "Garden", "gardening")], multiple=true) }}',
        form=form,
    )
    assert html.count('type="checkbox"') == 2 and html.count(" checked") == 2


def test_error_summary_lists_each_problem_links_to_the_field_and_takes_focus(app):
    with app.test_request_context("/", method="POST", data={}):
        form = ChoiceForm()
        form.colour.validators = []
        form.colour.errors = ["Choose one answer."]
        html = render("{{ error_summary(form) }}", form=form)
        assert 'role="alert"' in html and "autofocus" in html and 'tabindex="-1"' in html
        assert '<a href="#colour"' in html and "Choose one answer." in html
        assert reader().has_errors


def test_panel_links_glossary_words_once_per_page(request_context):
    html = render('{{ panel("information", "A job coach helps. A job coach is kind.") }}')
    assert html.count('href="/glossary#job-coach"') == 1
