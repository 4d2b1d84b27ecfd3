"""The record's static files (spec section 31.2 items 1 to 4 and 11): manifest, ceremony, authority,
credentials, kiosks and images.

Each ``check_*`` function reads its file(s), records what later checks need
in :class:`RecordState` and returns its :class:`Check`.  A check whose
prerequisite failed raises :class:`Unavailable`, which the runner reports as
a failed check ("cannot run: ...").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from tally.verify.ballot import DistrictRule, Election
from tally.verify.encoding import array, hex_bytes, integer, members, parse_canonical, parse_canonical_line, string
from tally.verify.errors import VerifyError
from tally.verify.files import RecordFiles
from tally.verify.group import IDENTITY, add, decode_point, decode_public_key, decode_scalar
from tally.verify.proofs import Context, verify_schnorr
from tally.verify.report import Check, Problems

KIOSK_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


class Unavailable(Exception):
    """A check cannot run because something it needs failed earlier."""


@dataclass
class RecordState:
    """What the checks learn from the record, filled in as they run (the runner's accumulator)."""

    files: RecordFiles
    manifest_bytes: bytes | None = None
    manifest: dict[str, Any] | None = None
    fingerprint: bytes | None = None
    districts: dict[str, DistrictRule] | None = None
    trustees: tuple[int, int] | None = None
    public_key: bytes | None = None
    commitments: tuple[tuple[bytes, ...], ...] | None = None
    board_key: bytes | None = None
    credentials: frozenset[bytes] | None = None
    credential_lines: int = 0
    kiosks: dict[str, bytes] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Room for later checks (the tally) to pass facts along."""

    def need_fingerprint(self) -> bytes:
        """``F``, or Unavailable."""
        if self.fingerprint is None:
            raise Unavailable("cannot run: manifest.json did not verify")
        return self.fingerprint

    def election(self) -> Election:
        """What ballots are checked against, or Unavailable naming the missing piece."""
        fingerprint = self.need_fingerprint()
        if self.districts is None:
            raise Unavailable("cannot run: manifest.json did not verify")
        if self.public_key is None:
            raise Unavailable("cannot run: ceremony.json did not verify")
        if self.kiosks is None:
            raise Unavailable("cannot run: kiosks.json did not verify")
        return Election(fingerprint, self.public_key, self.districts, self.kiosks)


def count_bounds(ballot: dict[str, Any], n: int) -> tuple[int, int] | None:
    """Section 26.2: the count proof's ``(lo, hi)``, or None when the ballot has none."""
    if ballot["type"] == "cumulative":
        return None if n * ballot["max_per_project"] <= ballot["points"] else (0, ballot["points"])
    return None if (ballot["min"], ballot["max"]) == (0, n) else (ballot["min"], ballot["max"])


def districts_of(manifest: dict[str, Any]) -> dict[str, DistrictRule]:
    """The ballot rules of the canonical manifest's districts (sections 24 and 26.2).

    Raises:
        VerifyError: a member the ballots depend on is missing or malformed.
    """
    projects = array(manifest.get("projects"), "manifest projects")
    costs: dict[str, list[int]] = {}
    for p in projects:
        if not isinstance(p, dict):
            raise VerifyError("manifest: a project is not an object")
        district = string(p.get("district"), "project district")
        costs.setdefault(district, []).append(integer(p.get("cost"), "project cost", 0, 2**40 - 1))
    rules: dict[str, DistrictRule] = {}
    for d in array(manifest.get("districts"), "manifest districts"):
        if not isinstance(d, dict):
            raise VerifyError("manifest: a district is not an object")
        district_id = string(d.get("id"), "district id")
        if district_id in rules:
            raise VerifyError(f"manifest: district {district_id!r} twice")
        budget = integer(d.get("budget"), "district budget", 0, 2**40 - 1)
        ballot = d.get("ballot")
        if not isinstance(ballot, dict):
            raise VerifyError(f"manifest: district {district_id!r} has no ballot object")
        kind = ballot.get("type")
        n = len(costs.get(district_id, []))
        if kind in ("approval", "knapsack"):
            members(ballot, {"type", "min", "max"}, f"district {district_id!r} ballot")
            lo = integer(ballot["min"], "ballot min")
            hi = integer(ballot["max"], "ballot max")
            if lo > hi:
                raise VerifyError(f"manifest: district {district_id!r} has min > max")
            per_project = 0
        elif kind == "cumulative":
            members(ballot, {"type", "points", "max_per_project"}, f"district {district_id!r} ballot")
            integer(ballot["points"], "ballot points")
            per_project = integer(ballot["max_per_project"], "ballot max_per_project")
        else:
            raise VerifyError(f"manifest: district {district_id!r} has an unknown ballot type")
        rules[district_id] = DistrictRule(district_id, str(kind), tuple(costs.get(district_id, [])), budget,
                                          count_bounds(ballot, n), per_project)
    unknown = set(costs) - set(rules)
    if unknown:
        raise VerifyError(f"manifest: projects in unknown districts {sorted(unknown)}")
    return rules


def check_fingerprint(state: RecordState) -> Check:
    """Item 1: ``F = SHA-256(manifest.json)``; the bytes are canonical JSON of pbvote-manifest/1."""
    data = state.files.read("manifest.json")
    manifest = parse_canonical(data, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != "pbvote-manifest/1":
        raise VerifyError("manifest.json: format is not pbvote-manifest/1")
    trustees = members(manifest.get("trustees"), {"count", "threshold"}, "manifest trustees")
    n = integer(trustees["count"], "trustee count", 1, 255)
    k = integer(trustees["threshold"], "trustee threshold", 1, n)
    eligibility = members(manifest.get("eligibility"), {"mode"}, "manifest eligibility")
    if eligibility["mode"] not in ("codes", "roll"):
        raise VerifyError("manifest.json: unknown eligibility mode")
    state.districts = districts_of(manifest)
    state.manifest_bytes, state.manifest, state.trustees = data, manifest, (n, k)
    state.fingerprint = hashlib.sha256(data).digest()
    return Check("fingerprint", True, f"F = {state.fingerprint.hex()} ({len(state.districts)} districts, "
                 f"{len(manifest['projects'])} projects, {eligibility['mode']} mode)")


def check_ceremony(state: RecordState) -> Check:
    """Item 2: ceremony.json verifies as section 25.1 says; it gives ``K``."""
    fingerprint = state.need_fingerprint()
    assert state.trustees is not None
    n, k = state.trustees
    value = members(parse_canonical(state.files.read("ceremony.json"), "ceremony.json"),
                    {"commitments", "election", "format", "public_key", "trustees"}, "ceremony.json")
    if value["format"] != "pbvote-ceremony/1":
        raise VerifyError("ceremony.json: format is not pbvote-ceremony/1")
    if value["election"] != fingerprint.hex():
        raise VerifyError("ceremony.json: for another election")
    if value["trustees"] != {"count": n, "threshold": k}:
        raise VerifyError("ceremony.json: trustees differ from the manifest's")
    problems = Problems()
    key = IDENTITY
    all_commitments = []
    for t, entry in enumerate(array(value["commitments"], "ceremony commitments", n), start=1):
        entry = members(entry, {"commitments", "proofs", "trustee"}, f"ceremony trustee {t}")
        if entry["trustee"] != t or isinstance(entry["trustee"], bool):
            raise VerifyError(f"ceremony.json: entry {t} is not trustee {t}")
        points = tuple(decode_point(hex_bytes(c, 32, f"trustee {t} commitment"), f"trustee {t} commitment")
                       for c in array(entry["commitments"], f"trustee {t} commitments", k))
        for i, (point, proof) in enumerate(zip(points, array(entry["proofs"], f"trustee {t} proofs", k),
                                               strict=True)):
            proof = members(proof, {"c", "z"}, f"trustee {t} proof {i}")
            c = decode_scalar(hex_bytes(proof["c"], 32, "scalar"))
            z = decode_scalar(hex_bytes(proof["z"], 32, "scalar"))
            if not verify_schnorr(point, c, z, Context(fingerprint, b"", ""), f"trustee/{t}/coefficient/{i}"):
                problems.add(f"trustee {t}: proof of coefficient {i} does not verify")
        key = add(key, points[0])
        all_commitments.append(points)
    stated = decode_point(hex_bytes(value["public_key"], 32, "public_key"), "ceremony public_key")
    if key == IDENTITY or stated != key:
        problems.add("public_key is not the sum of the trustees' first commitments")
    if problems.count == 0:
        state.public_key, state.commitments = stated, tuple(all_commitments)
    return problems.check("ceremony", f"{n} trustees, threshold {k}, {n * k} Schnorr proofs; K = {stated.hex()}")


def check_authority(state: RecordState) -> Check:
    """Item 3: authority.json and its ``board_key``."""
    fingerprint = state.need_fingerprint()
    value = members(parse_canonical_line(state.files.read("authority.json"), "authority.json"),
                    {"board_key", "election", "format"}, "authority.json")
    if value["format"] != "pbvote-authority/1":
        raise VerifyError("authority.json: format is not pbvote-authority/1")
    if value["election"] != fingerprint.hex():
        raise VerifyError("authority.json: for another election")
    state.board_key = decode_public_key(hex_bytes(value["board_key"], 32, "board_key"), "board_key")
    return Check("authority", True, f"ballot-box key {state.board_key.hex()}")


def check_credentials(state: RecordState) -> Check:
    """Item 4: credentials.jsonl, one decodable key per line, strictly increasing."""
    seen: set[bytes] = set()
    previous = b""
    problems = Problems()
    lines = 0
    for number, raw in enumerate(state.files.lines("credentials.jsonl"), start=1):
        lines += 1
        try:
            if len(raw) != 67 or raw[0:1] != b'"' or raw[-2:] != b'"\n':
                raise VerifyError("not a quoted key and a line feed")
            key = decode_public_key(hex_bytes(raw[1:-2].decode("ascii"), 32, "key"))
        except (VerifyError, UnicodeDecodeError) as exc:
            problems.add(f"line {number}: {exc}")
            continue
        if key <= previous:
            problems.add(f"line {number}: not in increasing order (or a duplicate)")
        previous = key
        seen.add(key)
    state.credentials, state.credential_lines = frozenset(seen), lines
    return problems.check("credentials", f"{lines:,} public credentials")


def check_kiosks(state: RecordState) -> Check:
    """Item 4: kiosks.json, names and keys unique and decodable; a revoked kiosk's height (section 38)."""
    value = array(parse_canonical_line(state.files.read("kiosks.json"), "kiosks.json"), "kiosks.json")
    kiosks: dict[str, bytes] = {}
    revoked: dict[str, int] = {}
    problems = Problems()
    for item in value:
        item = members(item, {"name", "public_key"}, "kiosk", frozenset({"revoked"}))
        name = string(item["name"], "kiosk name")
        if "revoked" in item:
            revoked[name] = integer(item["revoked"], f"kiosk {name!r} revoked")
        if not KIOSK_NAME.fullmatch(name):
            problems.add(f"kiosk name {name!r} does not match [a-z0-9][a-z0-9-]{{0,63}}")
        if name in kiosks:
            problems.add(f"kiosk {name!r} listed twice")
        try:
            key = decode_public_key(hex_bytes(item["public_key"], 32, "kiosk key"), f"kiosk {name!r} key")
        except VerifyError as exc:
            problems.add(str(exc))
            continue
        if key in kiosks.values():
            problems.add(f"kiosk {name!r}: key registered twice")
        kiosks[name] = key
    if problems.count == 0:
        state.kiosks = kiosks
        state.extra["revoked"] = revoked
    return problems.check("kiosks", f"{len(value)} registered kiosks"
                          + (f", {len(revoked)} revoked" if revoked else ""))


def check_images(state: RecordState) -> Check:
    """Item 11: every images/<name> hashes to its name, a project's image.sha256."""
    manifest = state.manifest
    if manifest is None:
        raise Unavailable("cannot run: manifest.json did not verify")
    wanted = {p["image"].get("sha256") for p in manifest["projects"]
              if isinstance(p, dict) and isinstance(p.get("image"), dict)}
    problems = Problems()
    names = state.files.listing("images")
    for name in names:
        data = state.files.read(f"images/{name}")
        if hashlib.sha256(data).hexdigest() != name:
            problems.add(f"images/{name}: its SHA-256 is not its name")
        elif name not in wanted:
            problems.add(f"images/{name}: not the image of any project")
    return problems.check("images", f"{len(names)} image files")


KNOWN_FILES = ("manifest.json", "ceremony.json", "authority.json", "credentials.jsonl", "kiosks.json",
               "board.jsonl", "head.json", "audit.jsonl", "audit-head.json")

