"""Checks of the published tally (spec section 36, items 12 to 16, over sections 32 to 35).

* ``tally``: items 12 and 13, tally.json is byte-identical to the sums
  recomputed from the closed board (streamed by the board pass, section 32);
* ``decryptions``: item 14, exactly the files of the trustees results.json
  names, every Chaum-Pedersen proof (section 13) against ``X_j``;
* ``counts``: item 15, Lagrange combination and bounded dlog (section 34)
  give results.json's counts;
* ``outcomes``: item 16, every district's outcome recomputed by its rule
  (section 35), byte-identical; Equal Shares districts are refused;
* ``results``: item 16, members, values and the signature of results.json.

Fails closed: a record without a tally is INVALID ("no tally published").
Each later check runs on the published files even when an earlier one
failed, so a report names every inconsistency it can.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tally.verify.board import BoardFacts
from tally.verify.counts import MAX_BOUND, BabySteps, dlog_is, lagrange_at_zero, public_share
from tally.verify.encoding import array, canonical, frame, hex_bytes, integer, members, parse_canonical
from tally.verify.errors import VerifyError
from tally.verify.group import IDENTITY, add, decode_point_or_identity, decode_scalar, mul, signature_verifies, sub
from tally.verify.outcome import IndividualBallotsNeeded, greedy_outcome, projects_of, rule_of
from tally.verify.proofs import Context, verify_decryption_share
from tally.verify.record import RecordState, Unavailable
from tally.verify.report import Check, Problems, failed
from tally.verify.tally_files import (
    DECRYPTION_FORMAT,
    DECRYPTIONS,
    RESULTS_FILE,
    TALLY_FILE,
    PublishedResults,
    PublishedTally,
    cached,
    load_results,
    load_tally,
    manifest_districts,
    needed,
)

TALLY_FILES = (TALLY_FILE, RESULTS_FILE)
NO_TALLY = "no tally published"
DIAGNOSTIC_DLOG_BOUND = 2**34
"""Largest bound for which a wrong count is diagnosed by a full dlog (larger ones only say "not c")."""
Shares = tuple[tuple[bytes, ...], ...]
"""One trustee's ``S`` per district (tally order) and project."""


def _tally(state: RecordState) -> PublishedTally:
    return needed(state, "tally", load_tally)


def _results(state: RecordState) -> PublishedResults:
    return needed(state, "results", load_results)


def _published(state: RecordState) -> list[str]:
    present = [name for name in TALLY_FILES if state.files.exists(name)]
    return present + ([f"{DECRYPTIONS}/"] if state.files.listing(DECRYPTIONS) else [])


def _require_tally(state: RecordState) -> None:
    if not _published(state):
        raise Unavailable(f"cannot run: {NO_TALLY}")


# --- items 12 and 13 ---------------------------------------------------------------------------------------


def check_tally(state: RecordState, facts: BoardFacts) -> Check:
    """Items 12, 13: tally.json is the tally of the closed board, byte for byte."""
    present = _published(state)
    if not present:
        return failed("tally", NO_TALLY)
    problems = Problems()
    missing = [name for name in (*TALLY_FILES, f"{DECRYPTIONS}/") if name not in present]
    if missing:
        problems.add(f"{', '.join(missing)} missing: tally.json, results.json and the partial decryptions are "
                     "published together (section 36)")
    if not state.files.exists(TALLY_FILE):
        return problems.check("tally", f"{TALLY_FILE} missing")
    fingerprint = state.need_fingerprint()
    districts = manifest_districts(state)
    if facts.close is None:
        raise VerifyError("the board has no close entry: there is nothing to tally (item 12)")
    if facts.close_head is None:
        raise Unavailable("cannot run: the chain up to the close entry could not be recomputed (see chain)")
    size = facts.close + 1
    expected_districts = []
    for d in districts:
        sums = facts.sums[d["id"]]
        expected_districts.append({"ballots": sums.ballots, "district": d["id"],
                                   "sums": [[a.hex(), b.hex()] for a, b in zip(sums.alphas, sums.betas, strict=True)]})
    expected = canonical({"board": {"head": facts.close_head.hex(), "size": size}, "districts": expected_districts,
                          "election": fingerprint.hex(), "format": "pbvote-tally/1"})
    ballots = sum(d["ballots"] for d in expected_districts)
    if ballots != facts.close_ballots:
        problems.add(f"{facts.close_ballots - ballots} of the {facts.close_ballots} ballot entries before the close "
                     "entry fail their checks (see ballots) and are not in the recomputed sums")
    try:
        published = cached(state, "tally", load_tally)
    except VerifyError as exc:
        problems.add(str(exc))
        return problems.check("tally", f"{TALLY_FILE} is not a tally of this election")
    if published.data != expected:
        _diagnose_tally(published, size, facts.close_head, expected_districts, problems)
    if problems.count == 0:
        state.extra["tally verified"] = True
    return problems.check("tally", f"{ballots:,} counted ballots in {len(districts)} districts summed from the "
                          f"board closed at entry {facts.close} (size {size}); H_T = {published.hash.hex()}")


def _diagnose_tally(published: PublishedTally, size: int, head: bytes, expected: list[dict[str, Any]],
                    problems: Problems) -> None:
    before = problems.count
    if published.size != size:
        problems.add(f"board size is {published.size}, the board was closed at size {size}")
    if published.head != head:
        problems.add("board head is not h_c, the chain's hash right after the close entry")
    for got, want in zip(published.districts, expected, strict=True):
        if got.ballots != want["ballots"]:
            problems.add(f"district {got.id!r}: ballots is {got.ballots}, the board has {want['ballots']} counted")
        wrong = [j for j, (ct, w) in enumerate(zip(got.sums, want["sums"], strict=True))
                 if [ct[0].hex(), ct[1].hex()] != w]
        if wrong:
            problems.add(f"district {got.id!r}: the sums of projects {', '.join(map(str, wrong))} (0-based) are "
                         "not the sums of the counted ballots")
    if problems.count == before:
        problems.add(f"{TALLY_FILE} is not byte-identical to the recomputed tally")


# --- item 14 -----------------------------------------------------------------------------------------------


def _trustees(state: RecordState, results: PublishedResults) -> tuple[int, ...]:
    assert state.trustees is not None
    n, k = state.trustees
    trustees = results.trustees
    if len(trustees) != k or any(not 1 <= j <= n for j in trustees) or list(trustees) != sorted(set(trustees)):
        raise VerifyError(f"{RESULTS_FILE}: trustees {list(trustees)} are not {k} distinct indices in 1..{n}, "
                          "ascending (item 14)")
    return trustees


def _decryption(state: RecordState, j: int, tally: PublishedTally, public: bytes, problems: Problems) -> Shares | None:
    """One trustee's file, valid as section 33 says, or None (problems recorded)."""
    fingerprint = state.need_fingerprint()
    assert state.manifest is not None
    name = f"{DECRYPTIONS}/trustee-{j}.json"
    where = f"trustee {j}'s partial decryption"
    value = members(parse_canonical(state.files.read(name), name),
                    {"districts", "election", "format", "tally", "trustee"}, name)
    if value["format"] != DECRYPTION_FORMAT:
        raise VerifyError(f"{name}: format is not {DECRYPTION_FORMAT}")
    if value["election"] != fingerprint.hex():
        raise VerifyError(f"{name}: for another election")
    if hex_bytes(value["tally"], 32, f"{name} tally") != tally.hash:
        raise VerifyError(f"{name}: for another tally (its tally is not H_T of {TALLY_FILE})")
    if integer(value["trustee"], f"{name} trustee") != j:
        raise VerifyError(f"{name}: trustee is {value['trustee']}, not {j}")
    context = Context(fingerprint, b"", "")
    shares = []
    bad = []
    for d, item in zip(tally.districts, array(value["districts"], f"{name} districts", len(tally.districts)),
                       strict=True):
        item = members(item, {"district", "shares"}, f"{name} district")
        if item["district"] != d.id:
            raise VerifyError(f"{name}: districts are not the tally's in order")
        projects = [p for p, _ in projects_of(state.manifest, d.id)]
        district_shares = []
        for (alpha, _), project, s in zip(d.sums, projects, array(item["shares"], f"{name} shares", len(d.sums)),
                                          strict=True):
            s = members(s, {"proof", "share"}, f"{name} share")
            share = decode_point_or_identity(hex_bytes(s["share"], 32, f"{name} share"), f"{name} share")
            proof = members(s["proof"], {"c", "z"}, f"{name} proof")
            c = decode_scalar(hex_bytes(proof["c"], 32, "scalar"), f"{name} proof c")
            z = decode_scalar(hex_bytes(proof["z"], 32, "scalar"), f"{name} proof z")
            if not verify_decryption_share(public, alpha, share, c, z, context,
                                           f"trustee/{j}/decrypt/tally/{d.id}/{project}"):
                bad.append(f"{d.id}/{project}")
            district_shares.append(share)
        shares.append(tuple(district_shares))
    if bad:
        problems.add(f"{where}: the proofs of {', '.join(bad)} do not verify (section 13): the file is invalid")
        return None
    return tuple(shares)


def check_decryptions(state: RecordState, facts: BoardFacts) -> Check:
    """Item 14: the partial decryptions of exactly results.json's trustees, every proof against ``X_j``."""
    _require_tally(state)
    tally = _tally(state)
    trustees = _trustees(state, _results(state))
    if state.commitments is None:
        raise Unavailable("cannot run: ceremony.json did not verify")
    problems = Problems()
    wanted = {f"trustee-{j}.json" for j in trustees}
    for name in state.files.listing(DECRYPTIONS):
        if name not in wanted:
            problems.add(f"{DECRYPTIONS}/{name}: not the file of a trustee results.json names (section 36)")
    valid: dict[int, Shares] = {}
    for j in trustees:
        public = public_share(j, state.commitments)
        try:
            if public == IDENTITY:
                raise VerifyError(f"X_{j} is the identity")
            shares = _decryption(state, j, tally, public, problems)
        except VerifyError as exc:
            problems.add(f"trustee {j}'s partial decryption: {exc}")
            continue
        if shares is not None:
            valid[j] = shares
    if problems.count == 0:
        state.extra["shares"] = valid
    proofs = len(trustees) * sum(len(d.sums) for d in tally.districts)
    return problems.check("decryptions", f"trustees {', '.join(map(str, trustees))}: {proofs:,} Chaum-Pedersen "
                          "proofs of partial decryption")


# --- item 15 -----------------------------------------------------------------------------------------------


def check_counts(state: RecordState, facts: BoardFacts) -> Check:
    """Item 15: combining the partial decryptions gives exactly results.json's counts."""
    _require_tally(state)
    tally = _tally(state)
    results = _results(state)
    shares: dict[int, Shares] | None = state.extra.get("shares")
    if shares is None:
        raise Unavailable("cannot run: the partial decryptions did not verify (see decryptions)")
    assert state.districts is not None
    trustees = sorted(shares)
    lambdas = {j: lagrange_at_zero(j, trustees) for j in trustees}
    problems = Problems()
    tables: dict[int, BabySteps] = {}
    total = 0
    for di, (d, r) in enumerate(zip(tally.districts, results.districts, strict=True)):
        rule = state.districts[d.id]
        bound = d.ballots * (rule.max_per_project if rule.type == "cumulative" else 1)
        for i, ((_, beta), project, claimed) in enumerate(zip(d.sums, r.projects, r.counts, strict=True)):
            total += 1
            combined = IDENTITY
            for j in trustees:
                combined = add(combined, mul(lambdas[j], shares[j][di][i]))
            point = sub(beta, combined)
            if bound > MAX_BOUND:
                problems.add(f"district {d.id!r}: the dlog bound {bound} exceeds 2^48 (section 9)")
                break
            if dlog_is(point, claimed, bound):
                continue
            actual = None
            if bound <= DIAGNOSTIC_DLOG_BOUND:
                actual = tables.setdefault(bound, BabySteps(bound)).dlog(point)
            if actual is None:
                problems.add(f"district {d.id!r}, project {project!r}: results.json says {claimed}, but the "
                             f"decryption has no count in [0, {bound}] equal to it (section 34)")
            else:
                problems.add(f"district {d.id!r}, project {project!r}: results.json says {claimed}, the decryption "
                             f"gives {actual}")
    return problems.check("counts", f"{total:,} counts decrypted with trustees {', '.join(map(str, trustees))} "
                          "(Lagrange at 0, bounded dlog) equal results.json's")


# --- item 16 -----------------------------------------------------------------------------------------------


def _diagnose_outcome(got: Any, want: dict[str, Any]) -> str:
    if not isinstance(got, dict):
        return "outcome is not an object"
    for member in ("rule", "selected", "spent", "notes"):
        if got.get(member) != want[member]:
            return f"{member} is {got.get(member)!r}, the rule gives {want[member]!r}"
    steps = got.get("explanation")
    if not isinstance(steps, list) or len(steps) != len(want["explanation"]):
        return "the explanation does not have one step per project"
    for n, (a, b) in enumerate(zip(steps, want["explanation"], strict=True)):
        if a != b:
            return f"explanation step {n + 1} is {a!r}, the rule gives {b!r}"
    return "not byte-identical to the recomputed outcome"


def check_outcomes(state: RecordState, facts: BoardFacts) -> Check:
    """Item 16: every district's outcome is its rule applied to results.json's counts (section 35)."""
    _require_tally(state)
    results = _results(state)
    assert state.manifest is not None
    problems = Problems()
    rules: dict[str, int] = {}
    for d, r in zip(manifest_districts(state), results.districts, strict=True):
        try:
            rule, threshold = rule_of(d["id"], d.get("outcome"))
        except IndividualBallotsNeeded as exc:
            problems.add(str(exc))
            continue
        want = greedy_outcome(rule, threshold, integer(d["budget"], "budget"), projects_of(state.manifest, d["id"]),
                              r.counts)
        rules[want["rule"]] = rules.get(want["rule"], 0) + 1
        try:
            same = canonical(r.outcome) == canonical(want)
        except (TypeError, ValueError):
            same = False
        if not same:
            problems.add(f"district {d['id']!r}: {_diagnose_outcome(r.outcome, want)}")
    by_rule = ", ".join(f"{name} {count}" for name, count in sorted(rules.items()))
    return problems.check("outcomes", f"{len(results.districts)} districts recomputed from the counts ({by_rule})")


def check_results(state: RecordState, facts: BoardFacts) -> Check:
    """Item 16: results.json's members and values, and its signature by the ballot box's key."""
    _require_tally(state)
    fingerprint = state.need_fingerprint()
    results = cached(state, "results", load_results)
    tally = _tally(state)
    problems = Problems()
    if results.value["tally"] != tally.hash.hex():
        problems.add(f"{RESULTS_FILE}: tally is not H_T of {TALLY_FILE}")
    for d, r, t in zip(manifest_districts(state), results.districts, tally.districts, strict=True):
        if r.ballots != t.ballots:
            problems.add(f"district {r.id!r}: ballots is {r.ballots}, {TALLY_FILE} has {t.ballots}")
        if r.budget != d.get("budget") or r.currency != d.get("currency"):
            problems.add(f"district {r.id!r}: budget or currency is not the manifest's")
    if state.board_key is None:
        raise Unavailable("cannot run: authority.json did not verify")
    unsigned = canonical({k: v for k, v in results.value.items() if k != "signature"})
    if not signature_verifies(state.board_key, results.signature, frame("pbvote/1/results", fingerprint, unsigned)):
        problems.add(f"{RESULTS_FILE}: the signature does not verify with the ballot box's key")
    return problems.check("results", f"{len(results.districts)} districts, signed by the ballot box's key")


TALLY_CHECKS: tuple[tuple[str, Callable[[RecordState, BoardFacts], Check]], ...] = (
    ("tally", check_tally),
    ("decryptions", check_decryptions),
    ("counts", check_counts),
    ("outcomes", check_outcomes),
    ("results", check_results),
)
"""``(name, (state, board facts) -> Check)`` run after the board, in order (items 12 to 16 of section 36)."""


def tally_published(state: RecordState) -> bool:
    """Whether the record holds any of the tally's files."""
    return bool(_published(state))

