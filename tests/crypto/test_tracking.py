"""Tracking codes: full hash, short readable form, typo detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import human_code
from crypto.codes import generate_code
from crypto.encoding import digest
from crypto.errors import EncodingError, InvalidCode
from crypto.human_code import CodeTypo, MalformedCode
from crypto.tracking import (
    SHORT_CODE_LENGTH,
    parse_tracking_code,
    short_code,
    tracking_code,
    tracking_hash,
)

BALLOT = b'{"ballot":"example"}'


def test_full_form_is_the_specified_digest() -> None:
    assert digest("pbvote/1/tracking", BALLOT) == tracking_hash(BALLOT)
    assert tracking_hash(BALLOT) == tracking_code(BALLOT).full


def test_short_form_shape_and_length() -> None:
    short = tracking_code(BALLOT).short
    assert [4, 4, 4, 4, 4, 1] == [len(g) for g in short.split("-")]
    assert 26 == len(short)
    assert short == parse_tracking_code(short)


def test_short_form_carries_leading_100_bits() -> None:
    full = tracking_hash(BALLOT)
    bare = short_code(full).replace("-", "")
    value = 0
    for ch in bare[:-1]:
        value = value * 32 + human_code.ALPHABET.index(ch)
    assert int.from_bytes(full, "big") >> (256 - 100) == value


def test_different_ballots_have_different_codes() -> None:
    codes = {tracking_code(BALLOT + bytes([i])).short for i in range(256)}
    assert 256 == len(codes)


def test_typed_forms_accepted() -> None:
    short = tracking_code(BALLOT).short
    assert short == parse_tracking_code(short.lower().replace("-", " "))
    assert short == parse_tracking_code(short.replace("0", "O").replace("1", "l"))


def test_every_substitution_and_transposition_is_a_typo() -> None:
    bare = tracking_code(BALLOT).short.replace("-", "")
    for i in range(len(bare)):
        for ch in human_code.ALPHABET:
            if ch != bare[i]:
                with pytest.raises(CodeTypo):
                    parse_tracking_code(bare[:i] + ch + bare[i + 1 :])
        if i + 1 < len(bare) and bare[i] != bare[i + 1]:
            with pytest.raises(CodeTypo):
                parse_tracking_code(bare[:i] + bare[i + 1] + bare[i] + bare[i + 2 :])


def test_voting_code_is_not_a_tracking_code() -> None:
    with pytest.raises(MalformedCode, match="tracking code has 21"):
        parse_tracking_code(generate_code())


def test_malformed() -> None:
    for text in ("", "ABCD", "U" * SHORT_CODE_LENGTH):
        with pytest.raises(InvalidCode):
            parse_tracking_code(text)


def test_short_code_needs_32_bytes() -> None:
    with pytest.raises(EncodingError):
        short_code(bytes(31))


@settings(max_examples=100, deadline=None)
@given(ballot=st.binary(max_size=300))
def test_round_trip_property(ballot: bytes) -> None:
    code = tracking_code(ballot)
    assert code.short == parse_tracking_code(code.short)
    assert code.short == short_code(code.full)
