"""parse_manifest: the fixture and samples validate, and each broken manifest names its field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.errors import InvalidManifest
from ballot.manifest import load_manifest, parse_manifest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "manifests"
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
# Frozen: the fingerprint must not drift across runs, machines or releases.
MINIMAL_FINGERPRINT = "ff40e23c0c8668830d86768320c1d666fefd348fcb55832ebf867eae8ace2078"


def parse(text: str) -> object:
    return parse_manifest(text, source="test.toml", base_dir=FIXTURES)


def test_minimal_fixture_has_its_frozen_fingerprint() -> None:
    election = load_manifest(FIXTURES / "minimal.toml")
    assert MINIMAL_FINGERPRINT == election.fingerprint_hex
    assert ("en", "zh-TW") == tuple(lang for lang, _ in election.title.items)
    assert 3 == len(election.projects_in("north"))


def test_fingerprint_ignores_key_order_and_whitespace() -> None:
    reordered = MINIMAL.replace(
        'id = "test-ward"\ntitle = { en = "Test Ward Budget", "zh-TW" = "測試里預算" }',
        'title = {   "zh-TW" = "測試里預算", en = "Test Ward Budget" }\nid = "test-ward"',
    ).replace("count = 3\nthreshold = 2", "threshold = 2\ncount   =   3")
    assert reordered != MINIMAL
    assert MINIMAL_FINGERPRINT == parse_manifest(reordered).fingerprint_hex  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"Trees"', '"Tree planting"'),  # resident-visible text (en)
        ('"遮蔭樹。"', '"遮陰樹。"'),  # resident-visible text (zh-TW)
        ("cost = 400", "cost = 401"),  # a cost
        ("budget = 1000", "budget = 1001"),  # the budget
        ("max = 2", "max = 3"),  # the ballot rule
        ('rule = "greedy"', 'rule = "greedy-no-skip"'),  # the outcome rule
        ("threshold = 2", "threshold = 3"),  # trustees
        ("20:00:00+08:00", "21:00:00+08:00"),  # closing time
        ('category = "parks"\n', ""),  # a category
    ],
)
def test_fingerprint_changes_with_any_election_content(old: str, new: str) -> None:
    changed = MINIMAL.replace(old, new, 1)
    assert changed != MINIMAL
    assert MINIMAL_FINGERPRINT != parse_manifest(changed).fingerprint_hex


def test_fingerprint_normalises_unicode_to_nfc() -> None:
    composed = MINIMAL.replace("Budget", "Budg\u00e9t")
    decomposed = MINIMAL.replace("Budget", "Budge\u0301t")
    assert composed != decomposed
    assert parse_manifest(composed).fingerprint_hex == parse_manifest(decomposed).fingerprint_hex


BROKEN = [
    # (description, edit old -> new, expected fragment naming the field)
    ("malformed TOML", ("[trustees]", "[trustees"), "malformed TOML"),
    ("wrong format", ('format = "pbvote-manifest/1"', 'format = "v2"'), "format:"),
    ("missing election id", ('id = "test-ward"\n', ""), "election.id: is missing"),
    ("bad election id", ('id = "test-ward"', 'id = "Test Ward!"'), "election.id:"),
    ("unknown field", ("[trustees]\n", "[trustees]\nquorum = 1\n"), "trustees.quorum: unknown field"),
    ("unknown language", ('languages = ["zh-TW", "en"]', 'languages = ["zh-TW", "fr"]'), "election.languages[1]"),
    ("duplicate language", ('languages = ["zh-TW", "en"]', 'languages = ["en", "en"]'), "listed twice"),
    ("text missing a language", ('title = { en = "Trees", "zh-TW" = "種樹" }', 'title = { en = "Trees" }'),
     "projects[0].title: has no text in language 'zh-TW'"),
    ("text in an undeclared language", ('{ en = "North", "zh-TW" = "北區" }', '{ en = "North", "zh-TW" = "北區", fr = "Nord" }'),
     "districts[0].name.fr"),
    ("closes before opens", ("closes = 2027-03-14T20:00:00+08:00", "closes = 2027-02-14T20:00:00+08:00"),
     "election.closes: must be after"),
    ("datetime without offset", ("opens = 2027-03-01T08:00:00+08:00", "opens = 2027-03-01T08:00:00"),
     "election.opens: needs a UTC offset"),
    ("threshold above count", ("threshold = 2", "threshold = 4"), "trustees.threshold: must be at most"),
    ("zero trustees", ("count = 3", "count = 0"), "trustees.count"),
    ("unknown eligibility mode", ('mode = "codes"', 'mode = "sms"'), "eligibility.mode: must be one of"),
    ("negative cost", ("cost = 300", "cost = -5"), "projects[1].cost: must be a positive integer"),
    ("float cost", ("cost = 300", "cost = 300.5"), "projects[1].cost: must be a positive integer"),
    ("string cost", ("cost = 300", 'cost = "300"'), "projects[1].cost"),
    ("zero budget", ("budget = 1000", "budget = 0"), "districts[0].budget"),
    ("budget below every project", ("budget = 1000", "budget = 250"), "smaller than every project"),
    ("bad currency", ('currency = "TWD"', 'currency = "dollars"'), "districts[0].currency"),
    ("duplicate project id", ('id = "p2"', 'id = "p1"'), "projects[1].id: duplicate project id"),
    ("unknown district", ('district = "north"\ntitle = { en = "Lights"', 'district = "south"\ntitle = { en = "Lights"'),
     "projects[2].district: unknown district 'south'"),
    ("duplicate district", ("[[projects]]\nid = \"p1\"", '[[districts]]\nid = "north"\nname = { en = "N", "zh-TW" = "北" }\n'
     'budget = 5\ncurrency = "TWD"\nballot = { type = "approval" }\noutcome = { rule = "greedy" }\n\n[[projects]]\nid = "p1"'),
     "duplicate district id"),
    ("unknown ballot type", ('type = "approval"', 'type = "ranked"'), "districts[0].ballot.type: must be one of"),
    ("min above max", ("min = 1\nmax = 2", "min = 3\nmax = 2"), "districts[0].ballot.min: min (3) must not exceed max (2)"),
    ("max above project count", ("max = 2", "max = 9"), "districts[0].ballot.max"),
    ("unknown outcome rule", ('rule = "greedy"', 'rule = "lottery"'), "districts[0].outcome.rule"),
    ("threshold rule without threshold", ('rule = "greedy"', 'rule = "greedy-threshold"'),
     "districts[0].outcome.threshold: is missing"),
    ("unknown category", ('category = "parks"', 'category = "roads"'), "projects[0].category: unknown category"),
    ("missing image", ('category = "parks"', 'category = "parks"\nimage = "nope.png"'), "projects[0].image"),
    ("no projects", ("[[projects]]", "[[ignored]]"), "ignored: unknown field"),
    ("cumulative with equal shares", ('type = "approval"\nmin = 1\nmax = 2', 'type = "cumulative"\npoints = 10'),
     None),
    ("points beyond the count proof", ('type = "approval"\nmin = 1\nmax = 2', 'type = "cumulative"\npoints = 300'),
     "districts[0].ballot.points"),
    ("many points on one project", ('type = "approval"\nmin = 1\nmax = 2', 'type = "cumulative"\npoints = 200'),
     "districts[0].ballot.max_per_project: required when points exceed 100"),
]


@pytest.mark.parametrize(("why", "edit", "fragment"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_manifest_is_rejected_naming_the_field(why: str, edit: tuple[str, str], fragment: str | None) -> None:
    old, new = edit
    assert old in MINIMAL, why
    text = MINIMAL.replace(old, new, 1)
    if fragment is None:  # a valid variation: cumulative + greedy is fine ...
        parse(text)
        text = text.replace('rule = "greedy"', 'rule = "equal-shares"\ncompletion = "add1"')
        fragment = "districts[0].outcome.rule: equal-shares needs approval"  # ... but not with equal shares
    with pytest.raises(InvalidManifest) as info:
        parse(text)
    message = str(info.value)
    assert message.startswith("test.toml"), message
    assert fragment in message


def test_error_names_the_line() -> None:
    text = MINIMAL.replace("cost = 300", "cost = -5")
    with pytest.raises(InvalidManifest) as info:
        parse(text)
    line = 1 + MINIMAL.splitlines().index("cost = 300")
    assert f"test.toml:{line}: projects[1].cost" in str(info.value)


def test_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidManifest, match=r"nothing\.toml: cannot read"):
        load_manifest(tmp_path / "nothing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b"format = \"\xe9\"")
    with pytest.raises(InvalidManifest, match=r"latin1\.toml: not UTF-8"):
        load_manifest(bad)
