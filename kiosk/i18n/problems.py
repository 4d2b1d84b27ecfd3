"""Rule problems (``ballot.selection.Problem``) and eligibility refusals as calm sentences in the installed language."""

from __future__ import annotations

from ballot.selection import Problem
from kiosk.i18n.formats import format_money, format_number
from kiosk.i18n.translator import fill
from kiosk.qt import QCoreApplication

__all__ = ["render_problem", "render_refusal"]


def render_problem(problem: Problem) -> str:
    """Return the voter-friendly sentence for a rule problem.

    Each branch names its source text literally so that lupdate finds it.
    """
    code, money, limit = problem.code, problem.currency, problem.limit
    if code == "too_many":
        return QCoreApplication.translate(
            "Problem", "You can pick at most %n project(s). Un-pick one first to choose another.", None, limit)
    if code == "too_few":
        text = QCoreApplication.translate(
            "Problem", "Please pick at least %n project(s). You have picked %1.", None, limit)
        return fill(text, format_number(problem.value))
    if code == "over_budget" and problem.project is not None:
        text = QCoreApplication.translate("Problem", "This project costs %1; you have %2 left.")
        return fill(text, format_money(problem.cost, money), format_money(problem.remaining, money))
    if code == "over_budget":
        text = QCoreApplication.translate("Problem", "Your picks cost %1, more than the budget of %2.")
        return fill(text, format_money(problem.value, money), format_money(limit, money))
    if code == "points_exceeded":
        return QCoreApplication.translate(
            "Problem", "You have used all %n point(s). Take a point from another project first.", None, limit)
    if code == "project_points_exceeded":
        return QCoreApplication.translate("Problem", "A project can get at most %n point(s).", None, limit)
    if code == "negative_points":
        return QCoreApplication.translate("Problem", "Points cannot be negative.")
    if code == "unknown_project":
        return QCoreApplication.translate("Problem", "This project is not on your ballot.")
    if code == "unknown_district":
        return QCoreApplication.translate("Problem", "This area is not part of the election.")
    return QCoreApplication.translate("Problem", "This ballot does not accept that kind of choice.")


def render_refusal(reason: str) -> str:
    """Return the plain-language message for a refused code or check-in (``VoterFlow.refusal``).

    Each says what happened and what to do, blaming no one; each source text is literal for lupdate.
    """
    if reason == "typo":
        return QCoreApplication.translate(
            "Refusal", "One character of this code is not right. Please compare it with your "
                       "letter and correct it.")
    if reason == "malformed":
        return QCoreApplication.translate(
            "Refusal", "This is not a whole voting code. A code has 24 letters and digits "
                       "in groups of four, as printed on your letter.")
    if reason == "unknown":
        return QCoreApplication.translate(
            "Refusal", "This code is not on this election's list. Please compare it with your "
                       "letter, or ask a poll worker for help.")
    if reason == "used":
        return QCoreApplication.translate(
            "Refusal", "This code has already been used to vote, and each code votes once. If "
                       "you did not vote with it, please ask a poll worker.")
    if reason == "before":
        return QCoreApplication.translate(
            "Refusal", "Voting has not opened yet. Please come back when the polls open.")
    if reason == "closed":
        return QCoreApplication.translate(
            "Refusal", "Voting has closed. No more ballots can be cast.")
    if reason == "not_on_roll":
        return QCoreApplication.translate(
            "Refusal", "No one with this ID number and birth date is on the voter roll. "
                       "Please check both.")
    if reason == "checked_in":
        return QCoreApplication.translate(
            "Refusal", "This resident has already checked in, so they cannot vote again.")
    return QCoreApplication.translate(
        "Refusal", "Please type the ID number (letters and digits) and the birth date "
                   "as YYYY-MM-DD.")
