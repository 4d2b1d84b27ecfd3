"""Human codes and voting codes: normalisation, check character, credential derivation."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import human_code
from crypto.codes import (
    CODE_LENGTH,
    credential_keypair,
    credential_seed,
    generate_code,
    parse_code,
)
from crypto.encoding import digest
from crypto.errors import EncodingError, InvalidCode
from crypto.human_code import ALPHABET, CodeTypo, MalformedCode
from crypto.signatures import decode_public_key, sign, verify

FP = digest("pbvote/1/test-fingerprint")
SAMPLES = [generate_code() for _ in range(5)] + [
    human_code.group(human_code.with_check("0" * 23)),
    human_code.group(human_code.with_check("Z" * 23)),
]

symbols = st.text(alphabet=ALPHABET, min_size=1, max_size=40)


def test_alphabet_has_32_distinct_symbols_without_look_alikes() -> None:
    assert 32 == len(set(ALPHABET))
    assert not set("ILOU") & set(ALPHABET)


def test_gf32_multiplier_has_order_31() -> None:
    # a = x generates GF(32)*, so the weights a^k never repeat within 31 symbols.
    value, order = 1, 0
    while True:
        value = human_code._times_a(value)
        order += 1
        if value == 1:
            break
    assert 31 == order


def test_generated_code_shape() -> None:
    code = generate_code()
    assert 29 == len(code)
    assert [4] * 6 == [len(g) for g in code.split("-")]
    assert code == parse_code(code)


def test_generated_codes_differ() -> None:
    assert 200 == len({generate_code() for _ in range(200)})


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_single_substitution_detected(sample: str) -> None:
    bare = human_code.normalise(sample)
    assert CODE_LENGTH == len(bare)
    for i in range(len(bare)):
        for ch in ALPHABET:
            if ch == bare[i]:
                continue
            typo = bare[:i] + ch + bare[i + 1 :]
            with pytest.raises(CodeTypo):
                parse_code(typo)


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_adjacent_transposition_detected(sample: str) -> None:
    bare = human_code.normalise(sample)
    for i in range(len(bare) - 1):
        if bare[i] == bare[i + 1]:
            continue
        swapped = bare[:i] + bare[i + 1] + bare[i] + bare[i + 2 :]
        with pytest.raises(CodeTypo):
            parse_code(swapped)


@settings(max_examples=200, deadline=None)
@given(data=symbols, i=st.integers(min_value=0), ch=st.sampled_from(ALPHABET))
def test_check_detects_substitution_property(data: str, i: int, ch: str) -> None:
    full = human_code.with_check(data)
    i %= len(full)
    if full[i] == ch:
        return
    with pytest.raises(CodeTypo):
        human_code.verify_check(full[:i] + ch + full[i + 1 :])


@settings(max_examples=200, deadline=None)
@given(data=symbols, i=st.integers(min_value=0))
def test_check_detects_transposition_property(data: str, i: int) -> None:
    full = human_code.with_check(data)
    i %= len(full) - 1
    if full[i] == full[i + 1]:
        return
    with pytest.raises(CodeTypo):
        human_code.verify_check(full[:i] + full[i + 1] + full[i] + full[i + 2 :])


@settings(max_examples=100, deadline=None)
@given(data=st.binary(min_size=15, max_size=15))
def test_parse_round_trip_property(data: bytes) -> None:
    from crypto.codes import _code_from_bytes

    code = _code_from_bytes(data)
    assert code == parse_code(code)
    assert code == parse_code(code.lower())
    assert code == parse_code(code.replace("-", " "))
    assert code == parse_code(code.replace("-", ""))


def test_normalisation_forgives_look_alikes_case_and_spacing() -> None:
    code = human_code.group(human_code.with_check("01" * 11 + "0"))
    messy = "  " + code.replace("0", "o").replace("1", "l").lower().replace("-", " - ") + "\n"
    assert code == parse_code(messy)
    assert code == parse_code(code.replace("1", "I"))


def test_full_width_input_is_accepted() -> None:
    code = generate_code()
    # Full-width letters and digits (U+FF10..) and the full-width hyphen U+FF0D.
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)
    assert code == parse_code(full_width)


@pytest.mark.parametrize("text", ["", "ABC", "0" * 25, "0" * 23])
def test_wrong_length_is_malformed(text: str) -> None:
    with pytest.raises(MalformedCode, match="malformed: a voting code has 24 characters"):
        parse_code(text)


@pytest.mark.parametrize("bad", ["U", "!", "é", "*"])
def test_foreign_characters_are_malformed(bad: str) -> None:
    code = generate_code()
    with pytest.raises(MalformedCode, match="character 3 "):
        parse_code(code[:2] + bad + code[3:])


def test_errors_are_invalid_code_and_never_repeat_the_code() -> None:
    code = generate_code()
    bare = human_code.normalise(code)
    typo = bare[:-1] + ("0" if bare[-1] != "0" else "1")
    with pytest.raises(InvalidCode) as info:
        parse_code(typo)
    assert typo not in str(info.value)
    assert "typo" in str(info.value)
    with pytest.raises(InvalidCode) as info2:
        parse_code(code + "U")
    assert bare not in str(info2.value)


def test_typo_and_malformed_are_distinct_classes() -> None:
    assert issubclass(CodeTypo, InvalidCode)
    assert issubclass(MalformedCode, InvalidCode)
    assert not issubclass(CodeTypo, MalformedCode)


def test_group_and_encode_bits() -> None:
    assert "ABCD-EFGH-J" == human_code.group("ABCDEFGHJ")
    assert "00000" == human_code.encode_bits(bytes(4), 5)
    assert "ZZZZ" == human_code.encode_bits(b"\xff\xff\xff", 4)
    assert "G" == human_code.encode_bits(b"\x80", 1)
    with pytest.raises(ValueError):
        human_code.encode_bits(b"\x00", 2)


def test_credential_seed_is_the_specified_digest() -> None:
    code = generate_code()
    bare = code.replace("-", "")
    assert digest("pbvote/1/credential", FP, bare) == credential_seed(code, FP)
    assert credential_seed(code, FP) == credential_seed(code.lower(), FP)


def test_credential_depends_on_election() -> None:
    code = generate_code()
    other = digest("pbvote/1/test-other-election")
    assert credential_seed(code, FP) != credential_seed(code, other)


def test_credential_keypair_signs() -> None:
    code = generate_code()
    key, pk = credential_keypair(code, FP)
    assert pk == key.public_key
    assert pk == decode_public_key(pk)
    verify(pk, sign(key, "pbvote/1/ballot", b"b"), "pbvote/1/ballot", b"b")


def test_credential_rejects_bad_fingerprint_and_code() -> None:
    with pytest.raises(EncodingError):
        credential_seed(generate_code(), bytes(31))
    with pytest.raises(InvalidCode):
        credential_seed("not a code", FP)


def test_many_credentials_derive_quickly() -> None:
    codes = [generate_code() for _ in range(10_000)]
    start = time.perf_counter()
    for code in codes:
        credential_keypair(code, FP)
    elapsed = time.perf_counter() - start
    # 100,000 codes must take seconds: 10,000 well under 5 s leaves a wide margin.
    assert elapsed < 5.0
