"""Numbers, money and dates as residents of the installed language read them (Qt's default QLocale)."""

from __future__ import annotations

from datetime import datetime

from kiosk.i18n.translator import fill
from kiosk.qt import QCoreApplication, QDate, QDateTime, QLocale, QTime

__all__ = ["format_date", "format_money", "format_number"]


def format_number(n: int) -> str:
    """Return ``n`` with the language's digit grouping, e.g. ``1,200,000``."""
    return QLocale().toString(n)


def format_money(amount: int, currency: str) -> str:
    """Return an amount with its currency, e.g. ``NT$1,200,000`` or ``新臺幣 1,200,000 元``."""
    n = format_number(amount)
    if currency == "TWD":
        return fill(QCoreApplication.translate("Money", "NT$%1"), n)
    return fill(QCoreApplication.translate("Money", "%1 %2", "an amount, then its ISO currency code"), n, currency)


def format_date(when: datetime) -> str:
    """Return a polling date and time as written in the election manifest (no time-zone conversion)."""
    pattern = QCoreApplication.translate("Date", "d MMMM yyyy, HH:mm", "QLocale date format: day, month name, year")
    moment = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
    return QLocale().toString(moment, pattern)
