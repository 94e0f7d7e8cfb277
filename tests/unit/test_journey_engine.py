"""The journey engine on its own, without the site: a definition written here is loaded, checked and
walked; a new step type is one registry entry and its template."""

import textwrap
from pathlib import Path

import jinja2
import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form

from app.journeys import actions, walker
from app.journeys.fields import Choice
from app.journeys.forms import StepAnswers, form_for
from app.journeys.loader import DefinitionError, check, load_file, load_folder, read, symbols_from
from app.journeys.types import STEP_TYPES, Row, StepType

ROOT = Path(__file__).resolve().parents[2]
SYMBOLS = symbols_from(ROOT / "easyread_assets" / "symbols.json")

FRUIT = """
id: fruit
symbol: food
first: likes
facts: [has-garden]
voices:
  other: {step: likes, has: "no"}
finish: say-thanks
steps:
  - id: likes
    type: single
    question: Do you like fruit?
    symbol: food
    options:
      - {id: "yes", label: "Yes", symbol: "yes"}
      - {id: "no", label: "No", symbol: "no"}
    next:
      - {step: which, when: {step: likes, has: "yes"}}
      - {step: age}
  - id: which
    type: several
    question:
      self: Which fruit do you like?
      other: Which fruit does the person like?
    symbol: food
    options:
      - {id: apples, label: Apples, symbol: food}
      - {id: pears, label: Pears, symbol: food}
      - {id: plums, label: Plums, symbol: food}
  - id: growing
    type: text
    key: grows
    question: What do you grow?
    symbol: home
    when: {fact: has-garden}
  - id: picking
    type: text
    question: Where do you pick plums or pears?
    symbol: location
    when: {step: which, has-any: [plums, pears]}
  - id: age
    type: age
    question: How old are you?
    symbol: age
  - id: parent
    type: single
    question: Does a parent agree?
    symbol: family
    when: {step: age, below: 16}
    options:
      - {id: "yes", label: "Yes", symbol: "yes"}
      - {id: "no", label: "No", symbol: "no"}
  - id: anything-else
    type: text
    question: Anything else?
    symbol: pencil
"""


@pytest.fixture
def fruit(tmp_path):
    (tmp_path / "fruit.yaml").write_text(textwrap.dedent(FRUIT), encoding="utf-8")
    return load_folder(tmp_path, SYMBOLS)["fruit"]


def ids(steps) -> list[str]:
    return [step.id for step in steps]


def test_a_new_definition_in_a_folder_loads_with_its_steps_in_file_order(fruit):
    assert fruit.order == ("likes", "which", "growing", "picking", "age", "parent", "anything-else")
    assert fruit.steps["growing"].key == "grows" and fruit.steps["likes"].key == "likes"
    assert fruit.finish == "say-thanks" and fruit.facts == ("has-garden",)


def test_branches_and_only_when_conditions_decide_the_path(fruit):
    assert ids(walker.path(fruit, {})) == ["likes", "age", "anything-else"]
    assert ids(walker.path(fruit, {"likes": "no"})) == ["likes", "age", "anything-else"]
    assert ids(walker.path(fruit, {"likes": "yes", "which": ["apples"]})) == ["likes", "which", "age", "anything-else"]
    assert ids(walker.path(fruit, {"likes": "yes", "which": ["apples", "plums"]}, {"has-garden": True})) == [
        "likes",
        "which",
        "growing",
        "picking",
        "age",
        "anything-else",
    ]
    assert ids(walker.path(fruit, {"likes": "no", "age": 15})) == ["likes", "age", "parent", "anything-else"]
    assert ids(walker.path(fruit, {"likes": "no", "age": 16})) == ["likes", "age", "anything-else"]


def test_next_previous_and_progress_follow_the_path(fruit):
    answers, facts = {"likes": "yes", "which": ["pears"]}, {"has-garden": False}
    step = fruit.steps
    assert walker.next_step_id(fruit, step["likes"], answers, facts) == "which"
    assert walker.next_step_id(fruit, step["which"], answers, facts) == "picking"
    assert walker.next_step_id(fruit, step["anything-else"], answers, facts) is None
    assert walker.previous_step_id(fruit, step["age"], answers, facts) == "picking"
    assert walker.previous_step_id(fruit, step["likes"], answers, facts) is None
    assert walker.progress(fruit, step["picking"], answers, facts) == (3, 5)
    # A step off the path, opened from its address, counts the path's steps before it.
    assert walker.progress(fruit, step["growing"], answers, facts) == (3, 5)
    assert walker.previous_step_id(fruit, step["growing"], answers, facts) == "which"


def test_a_definition_can_number_steps_off_the_path_by_their_place_in_the_file(tmp_path):
    (tmp_path / "fruit.yaml").write_text(textwrap.dedent(FRUIT) + "off-path: count-the-file\n", encoding="utf-8")
    fruit = load_folder(tmp_path, SYMBOLS)["fruit"]
    answers = {"likes": "yes", "which": ["apples"]}
    assert walker.progress(fruit, fruit.steps["picking"], answers) == (4, 7)
    assert walker.previous_step_id(fruit, fruit.steps["picking"], answers) == "growing"
    assert walker.progress(fruit, fruit.steps["age"], answers) == (3, 4)


def test_the_first_unanswered_step_is_where_to_carry_on(fruit):
    assert walker.first_unanswered(fruit, {}).id == "likes"
    answers = {"likes": "yes", "which": ["plums"], "picking": "the farm", "age": 12}
    assert walker.first_unanswered(fruit, answers).id == "parent"
    answers |= {"parent": "yes", "anything-else": ""}
    assert walker.first_unanswered(fruit, answers) is None and walker.is_done(fruit, answers)
    assert walker.first_unanswered(fruit, answers, {"has-garden": True}).id == "growing"


def test_questions_change_voice_when_the_definition_says_so(fruit):
    which = fruit.steps["which"]
    assert not walker.voice(fruit, {"likes": "yes"}).other and walker.voice(fruit, {"likes": "no"}).other
    assert which.question[0]._args == ("fruit/which", "Which fruit do you like?")
    assert which.question[1]._args == ("fruit/which", "Which fruit does the person like?")


def test_the_finish_is_a_named_action_of_the_journeys_own_service(fruit):
    said = []
    actions.action("say-thanks")(lambda name: said.append(f"thanks, {name}"))
    actions.run(fruit.finish, "Sam")
    assert said == ["thanks, Sam"]
    with pytest.raises(LookupError):
        actions.run("no-such-action")


def assert_refused(tmp_path, change, problem: str) -> None:
    """The fruit journey, changed by `change`, fails its checks with a problem that says `problem`."""
    path = tmp_path / "fruit.yaml"
    path.write_text(textwrap.dedent(FRUIT), encoding="utf-8")
    raw = read(path)
    change(raw)
    found = check(raw, "fruit.yaml", SYMBOLS)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda raw: raw["steps"][0]["next"][0].update(step="nowhere"), "next step 'nowhere' does not exist"),
        (
            lambda raw: raw["steps"][0]["next"][0]["when"].update(has="maybe"),
            "answer 'maybe' that 'likes' does not have",
        ),
        (lambda raw: raw["steps"][2]["when"].update(fact="has-boat"), "the fact 'has-boat' is not declared"),
        (lambda raw: raw["steps"][3]["when"].update(step="ghost"), "step 'ghost' that does not exist"),
        (lambda raw: raw["steps"][5]["when"].update(step="likes"), "compares 'likes', which is not a number"),
        (lambda raw: raw["steps"][1].update(symbol="not-a-symbol"), "no symbol 'not-a-symbol'"),
        (lambda raw: raw["steps"][1].update(type="stars"), "'stars' is not one of"),
        (lambda raw: raw["steps"][1].pop("options"), "a several step needs 'options'"),
        (lambda raw: raw["steps"][6].update(key="grows"), "step keys repeat"),
        (lambda raw: raw.update(first="ghost"), "first step 'ghost' does not exist"),
        (lambda raw: raw["voices"]["other"].update(has="maybe"), "voices: the condition names an answer 'maybe'"),
    ],
)
def test_every_reference_in_a_definition_is_checked(tmp_path, change, problem):
    assert_refused(tmp_path, change, problem)


def test_a_definition_with_problems_stops_loading(tmp_path):
    (tmp_path / "fruit.yaml").write_text(
        textwrap.dedent(FRUIT).replace("symbol: home", "symbol: castle"), encoding="utf-8"
    )
    with pytest.raises(DefinitionError, match="no symbol 'castle'"):
        load_file(tmp_path / "fruit.yaml", SYMBOLS)


@pytest.mark.parametrize("folder", ["app/checklists/definitions", "app/journeys/definitions"])
def test_every_journey_of_the_site_passes_the_one_schema_and_its_checks(folder):
    for path in sorted((ROOT / folder).glob("*.yaml")):
        assert check(read(path), path.name, SYMBOLS) == []


class Stars(StepType):
    """A new step type for the test: one to five stars."""

    name = "stars"
    numeric = True

    def fields(self, step, skippable):
        return {"answer": Choice()}

    def validate(self, step, form) -> bool:
        if form.answer.data not in {"1", "2", "3", "4", "5"}:
            form.answer.errors.append("Choose from 1 to 5 stars.")
            return False
        return True

    def load(self, step, answers):
        return {"answer": str(answers[step.key])} if step.key in answers else {}

    def read(self, step, form):
        return {step.key: int(form.answer.data)}

    def number(self, step, value):
        return value

    def rows(self, step, answers):
        return [Row(str(step.question[0]), "*" * answers[step.key], True)]


class PlainForm(StepAnswers, Form):
    """A form without Flask, to show the engine needs none."""


def test_a_new_step_type_is_one_registry_entry_and_its_template(tmp_path, monkeypatch):
    (tmp_path / "rating.yaml").write_text(
        textwrap.dedent("""
        id: rating
        symbol: star
        first: stars
        steps:
          - id: stars
            type: stars
            question: How many stars?
            symbol: star
          - id: why
            type: text
            question: Why so few?
            symbol: pencil
            when: {step: stars, below: 3}
    """),
        encoding="utf-8",
    )
    templates = tmp_path / "templates" / "journeys" / "types"
    templates.mkdir(parents=True)
    (templates / "stars.html").write_text(
        "<fieldset><legend>{{ question }}</legend>{% for n in range(1, 6) %}"
        '<input type="radio" name="{{ form.answer.name }}" value="{{ n }}"{% if form.answer.data == n|string %} checked{% endif %}>'
        '{% endfor %}{% for e in form.answer.errors %}<p class="error">{{ e }}</p>{% endfor %}</fieldset>'
    )
    with pytest.raises(DefinitionError, match="'stars' is not one of"):
        load_folder(tmp_path, SYMBOLS)  # not a step type yet

    monkeypatch.setitem(STEP_TYPES, "stars", Stars())  # the one registry entry
    rating = load_folder(tmp_path, SYMBOLS)["rating"]
    step = rating.steps["stars"]

    form = form_for(step, {}, posted=True, base=PlainForm, formdata=MultiDict({"answer": "9"}))
    assert not form.validate()
    form = form_for(step, {}, posted=True, base=PlainForm, formdata=MultiDict({"answer": "2"}))
    assert form.validate()
    answers = form.answers()
    assert answers == {"stars": 2}
    assert ids(walker.path(rating, answers)) == ["stars", "why"]
    assert STEP_TYPES["stars"].rows(step, answers) == [Row("How many stars?", "**", True)]

    shown = form_for(step, answers, posted=False, base=PlainForm)
    page = (
        jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "templates"))
        .get_template(STEP_TYPES["stars"].template)
        .render(form=shown, question=walker.words(step.question, rating, answers))
    )
    assert "How many stars?" in page and 'value="2" checked' in page


def test_a_step_can_say_its_answers_are_the_lines_about_who_filled_in_the_plan(tmp_path):
    (tmp_path / "fruit.yaml").write_text(
        textwrap.dedent(FRUIT).replace(
            '      - {id: "yes", label: "Yes", symbol: "yes"}\n      - {id: "no", label: "No", symbol: "no"}\n    next:',
            '      - {id: "yes", label: "Yes", symbol: "yes", says: I filled this in.}\n'
            '      - {id: "no", label: "No", symbol: "no", says: Someone filled this in for me.}\n'
            "    section: filled-by\n    next:",
        ),
        encoding="utf-8",
    )
    likes = load_folder(tmp_path, SYMBOLS)["fruit"].steps["likes"]
    assert likes.section == "filled-by"
    assert [(section, s.text) for section, s in STEP_TYPES["single"].sentences(likes, "no")] == [
        ("filled-by", "Someone filled this in for me.")
    ]


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda raw: raw["steps"][0].update(section="filled-in"), "'filled-in' is not one of"),
        (lambda raw: raw["steps"][0].update(section="filled-by"), "option 'yes' needs 'says'"),
        (lambda raw: raw["steps"][1].update(section="aspirations"), "option 'apples' needs 'says'"),
    ],
)
def test_a_step_in_the_plan_names_a_known_section_and_says_something_for_every_answer(tmp_path, change, problem):
    assert_refused(tmp_path, change, problem)


def test_a_step_off_the_path_can_show_another_page_at_its_address(tmp_path):
    (tmp_path / "fruit.yaml").write_text(
        textwrap.dedent(FRUIT).replace(
            "    when: {fact: has-garden}\n", "    when: {fact: has-garden}\n    otherwise: referrals/no_plan.html\n"
        ),
        encoding="utf-8",
    )
    fruit = load_folder(tmp_path, SYMBOLS)["fruit"]
    growing = fruit.steps["growing"]
    assert walker.instead(fruit, growing, {}, {"has-garden": False}) == "referrals/no_plan.html"
    assert walker.instead(fruit, growing, {}, {"has-garden": True}) is None
    assert walker.instead(fruit, fruit.steps["picking"], {}) is None  # off the path, but with no page of its own


@pytest.mark.parametrize(
    "change, problem",
    [
        (
            lambda raw: raw["steps"][2].update(otherwise="referrals/no_such_page.html"),
            "no page 'referrals/no_such_page.html'",
        ),
        (
            lambda raw: raw["steps"][6].update(otherwise="referrals/no_plan.html"),
            "a step with 'otherwise' needs 'when'",
        ),
        (lambda raw: raw["steps"][2].update(otherwise="../secrets.txt"), "does not match"),
    ],
)
def test_a_steps_other_page_must_exist_and_needs_a_condition(tmp_path, change, problem):
    assert_refused(tmp_path, change, problem)


def test_the_checklists_have_exactly_one_asked_before_the_others(tmp_path, monkeypatch):
    from app.checklists import definitions

    (tmp_path / "fruit.yaml").write_text(textwrap.dedent(FRUIT), encoding="utf-8")
    monkeypatch.setattr(definitions, "DEFINITIONS", tmp_path)
    with pytest.raises(DefinitionError, match="Exactly one checklist"):
        definitions.load_all(SYMBOLS)
    (tmp_path / "fruit.yaml").write_text(textwrap.dedent(FRUIT) + "setup: true\n", encoding="utf-8")
    assert definitions.setup_of(definitions.load_all(SYMBOLS)).id == "fruit"


TEA = """
id: tea
symbol: food
first: who
facts: [ages]
voices:
  other: {step: who, has: other}
  name: name
steps:
  - id: who
    type: single
    question: Who is asking?
    symbol: person
    options:
      - {id: me, label: Me, symbol: person}
      - {id: other, label: Someone else, symbol: people}
  - id: name
    type: text
    question: What is the name?
    symbol: person
  - id: age
    type: age
    question: How old?
    symbol: age
  - id: too-young
    type: notice
    question: About the age
    symbol: age
    when: {step: age, outside: ages}
    lines:
      - {symbol: information, range: ages}
      - {symbol: happy, text: {self: You can still ask., other: They can still ask.}}
  - id: sugar
    type: single
    question: {self: "Do you take sugar?", other: "Does the person take sugar?", named: "Does %(name)s take sugar?"}
    symbol: food
    check-label: {self: Your sugar, other: Their sugar}
    options:
      - id: "yes"
        label: {self: "Yes, I do", other: "Yes, they do", named: "Yes, %(name)s does"}
        symbol: "yes"
      - {id: "no", label: "No", symbol: "no"}
  - id: spoons
    type: text
    question: How many spoons?
    symbol: food
    when: {step: sugar, has: "yes"}
  - id: done
    type: text
    question: Anything else?
    symbol: pencil
"""


@pytest.fixture
def tea(tmp_path):
    (tmp_path / "tea.yaml").write_text(textwrap.dedent(TEA), encoding="utf-8")
    return load_folder(tmp_path, SYMBOLS)["tea"]


def test_a_question_is_said_to_the_person_about_them_or_about_them_by_first_name(app, tea):
    sugar = tea.steps["sugar"]
    with app.test_request_context():
        for answers, question, yes, label in (
            ({"who": "me", "name": "Sam Jones"}, "Do you take sugar?", "Yes, I do", "Your sugar"),
            ({"who": "other"}, "Does the person take sugar?", "Yes, they do", "Their sugar"),
            ({"who": "other", "name": "Sam Jones"}, "Does Sam take sugar?", "Yes, Sam does", "Their sugar"),
        ):
            voice = walker.voice(tea, answers)
            assert walker.words(sugar.question, tea, answers) == question
            assert sugar.cards(voice)[0][1] == yes and sugar.cards(voice)[1][1] == "No"
            [row] = STEP_TYPES["single"].rows(sugar, {**answers, "sugar": "yes"}, voice)
            assert (row.label, row.value, row.spoken) == (label, yes, "Sam" not in yes)


def test_the_count_includes_questions_that_may_still_apply_so_it_never_grows(tea):
    step = tea.steps
    assert walker.progress(tea, step["who"], {}) == (1, 6)  # the notice is not a question
    assert walker.progress(tea, step["sugar"], {"who": "me", "age": 12}, {"ages": (16, 25)}) == (4, 6)
    assert walker.progress(tea, step["done"], {"who": "me", "sugar": "no"}) == (5, 5)
    assert walker.progress(tea, step["done"], {"who": "me", "sugar": "yes"}) == (6, 6)


def test_an_age_outside_the_ages_a_fact_holds_brings_the_notice(tea):
    def shown(age, ages) -> bool:
        return "too-young" in ids(walker.path(tea, {"who": "me", "age": age}, {"ages": ages}))

    assert shown(12, (16, 25)) and shown(26, (16, 25)) and not shown(16, (16, 25)) and not shown(25, (16, 25))
    assert shown(30, (None, 25)) and not shown(12, (None, 25)) and not shown(12, None)


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda raw: raw.pop("voices"), "have 'named' words but voices names no step"),
        (lambda raw: raw["voices"].update(name="ghost"), "the name step 'ghost' does not exist"),
        (lambda raw: raw["steps"][3]["when"].update(outside="nothing"), "the fact 'nothing' is not declared"),
        (lambda raw: raw["steps"][3]["lines"][0].update(range="nothing"), "the fact 'nothing' is not declared"),
        (lambda raw: raw["steps"][3]["when"].update(step="name"), "the condition compares 'name', which is not"),
        (lambda raw: raw["steps"][3].pop("lines"), "a notice step needs 'lines'"),
    ],
)
def test_voices_facts_with_values_and_notices_are_checked(tmp_path, change, problem):
    path = tmp_path / "tea.yaml"
    path.write_text(textwrap.dedent(TEA), encoding="utf-8")
    raw = read(path)
    assert check(raw, "tea.yaml", SYMBOLS) == []
    change(raw)
    found = check(raw, "tea.yaml", SYMBOLS)
    assert any(problem in p for p in found), found
