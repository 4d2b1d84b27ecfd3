"""Codes that people type or read aloud: one alphabet, one check character, one grouping.

Voting codes (crypto/codes.py) and short tracking codes (crypto/tracking.py)
share this mechanism so that a resident meets the same rules everywhere
(docs/spec.md, "Human codes"):

* Alphabet: Crockford's base32 digits ``0123456789ABCDEFGHJKMNPQRSTVWXYZ``,
  which leave out I, L, O and U, the letters people confuse with 1, 1, 0
  and V.  Symbol values are their positions, 0..31.
* Normalisation of typed text: Unicode NFKC (full-width input from CJK
  keyboards becomes ASCII), upper case, spaces and hyphens dropped, and the
  look-alikes O -> 0, I -> 1, L -> 1 mapped.
* Check character: the Horner sum ``c = a * (...(a*(a*0 + d1) + d2)...)``
  over GF(2^5) with reduction polynomial x^5 + x^2 + 1 and ``a = x``, so the
  weighted sum of all symbols including ``c`` is zero.  The map
  ``(p, d) -> a*p + d`` is a totally anti-symmetric quasigroup (Damm), so the
  check detects every single-symbol substitution and every transposition of
  two adjacent symbols, including the check character itself.
* Display: groups of four symbols joined by ``-``; the last group may be
  shorter.

Every failure raises a subclass of InvalidCode whose message is a reason a
person can act on and never repeats the code (voting codes are secrets).
"""

from __future__ import annotations

import unicodedata
from typing import Final

from crypto.errors import CodeTypo, MalformedCode

__all__ = [
    "ALPHABET",
    "CodeTypo",
    "MalformedCode",
    "check_symbol",
    "encode_bits",
    "group",
    "normalise",
    "parse",
    "verify_check",
    "with_check",
]

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""The 32 code symbols; a symbol's value is its index."""

_VALUE: Final = {ch: i for i, ch in enumerate(ALPHABET)}
_LOOK_ALIKES: Final = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS: Final = frozenset(" \t\r\n-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_.")
_POLY: Final = 0b100101  # x^5 + x^2 + 1, primitive over GF(2)


def _times_a(value: int) -> int:
    """Multiply by ``a = x`` in GF(2^5) mod x^5 + x^2 + 1."""
    value <<= 1
    if value & 0b100000:
        value ^= _POLY
    return value


def _horner(symbols: str) -> int:
    acc = 0
    for ch in symbols:
        try:
            acc = _times_a(acc) ^ _VALUE[ch]
        except KeyError:
            raise MalformedCode("malformed: contains a character that codes never use") from None
    return acc


def check_symbol(symbols: str) -> str:
    """Compute the check character that makes a typo in ``symbols`` detectable.

    Args:
        symbols: normalised symbols from ALPHABET (no separators).

    Returns:
        The single check symbol to append.

    Raises:
        MalformedCode: if a character is outside ALPHABET.
    """
    return ALPHABET[_times_a(_horner(symbols))]


def with_check(symbols: str) -> str:
    """Append the check character.

    Args:
        symbols: normalised symbols from ALPHABET.

    Returns:
        ``symbols + check_symbol(symbols)``.

    Raises:
        MalformedCode: if a character is outside ALPHABET.
    """
    return symbols + check_symbol(symbols)


def verify_check(symbols: str) -> None:
    """Tell a mistyped code apart from a code that was typed as issued.

    Args:
        symbols: normalised symbols whose last one is the check character.

    Raises:
        MalformedCode: if empty or a character is outside ALPHABET.
        CodeTypo: if the check character does not match.
    """
    if len(symbols) < 2:
        raise MalformedCode("malformed: too short to be a code")
    if _horner(symbols) != 0:
        raise CodeTypo(
            "typo: the check character does not match; one character is probably "
            "mistyped or two neighbours are swapped"
        )


def normalise(text: str) -> str:
    """Reduce what a person typed to bare symbols, forgiving case, spacing and look-alikes.

    Args:
        text: typed or scanned text, e.g. ``"7k3q 9xm2-..."``.

    Returns:
        The symbols in upper case, without separators, with O, I, L mapped
        to 0, 1, 1.

    Raises:
        MalformedCode: naming the 1-based position (not the character) of the
            first character that is not in the alphabet.
    """
    if not isinstance(text, str):
        raise MalformedCode("malformed: a code must be text")
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text).upper():
        if ch in _SEPARATORS:
            continue
        ch = _LOOK_ALIKES.get(ch, ch)
        if ch not in _VALUE:
            raise MalformedCode(
                f"malformed: character {len(out) + 1} is not a letter or digit used in codes"
            )
        out.append(ch)
    return "".join(out)


def group(symbols: str, size: int = 4) -> str:
    """Render symbols for display and reading aloud, in groups joined by hyphens.

    Args:
        symbols: normalised symbols.
        size: symbols per group; the last group may be shorter.

    Returns:
        e.g. ``"7K3Q-9XM2-A"``.
    """
    if size < 1:
        raise ValueError("group size must be positive")
    return "-".join(symbols[i : i + size] for i in range(0, len(symbols), size))


def encode_bits(data: bytes, count: int) -> str:
    """Render the leading ``5 * count`` bits of ``data`` as symbols, most significant first.

    Args:
        data: at least ``ceil(5 * count / 8)`` bytes.
        count: number of symbols wanted.

    Returns:
        ``count`` symbols from ALPHABET.

    Raises:
        ValueError: if ``data`` is too short or ``count`` is not positive.
    """
    nbits = 5 * count
    if count < 1 or len(data) * 8 < nbits:
        raise ValueError("encode_bits: not enough data for the requested symbols")
    value = int.from_bytes(data, "big") >> (len(data) * 8 - nbits)
    return "".join(ALPHABET[(value >> (5 * (count - 1 - i))) & 31] for i in range(count))


def parse(text: str, length: int, what: str) -> str:
    """Normalise typed text and check its length and check character.

    Args:
        text: what the person typed.
        length: the number of symbols including the check character.
        what: a name for messages, e.g. ``"voting code"``.

    Returns:
        The normalised symbols (without separators), check character last.

    Raises:
        MalformedCode: wrong characters or wrong length.
        CodeTypo: right shape, failed check character.
    """
    symbols = normalise(text)
    if len(symbols) != length:
        raise MalformedCode(
            f"malformed: a {what} has {length} characters, this has {len(symbols)}"
        )
    verify_check(symbols)
    return symbols
