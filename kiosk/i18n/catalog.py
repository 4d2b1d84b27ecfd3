"""Every voter-facing string of the kiosk, keyed by message id, in English and Traditional Chinese.

A small dict catalogue stands in for Qt Linguist files in this build: widgets
hold no literal text, they ask ``tr(language, message_id, **numbers)``.
Election content (titles, descriptions) comes from the manifest instead.
"""

from __future__ import annotations

from datetime import datetime

from ballot.selection import Problem

LANGUAGES = ("zh-TW", "en")

_EN: dict[str, str] = {
    "app.title": "pbvote kiosk",
    "lang.zh": "繁體中文",
    "lang.en": "English",
    "lang.zh.desc": "Show the ballot in Traditional Chinese",
    "lang.en.desc": "Show the ballot in English",
    "lang.choose": "Choose your language · 請選擇語言",
    "size.normal": "A",
    "size.large": "A+",
    "size.largest": "A++",
    "size.normal.name": "Normal text size",
    "size.large.name": "Large text size",
    "size.largest.name": "Largest text size",
    "size.desc": "Changes the size of all text on the screen",
    "contrast": "High contrast",
    "contrast.desc": "Switches to white text on black for easier reading",
    "startover": "Start over",
    "startover.desc": "Clears every choice and returns to the first screen",
    "welcome.start": "Start voting",
    "welcome.start.desc": "Begins the ballot in the language shown",
    "welcome.polls": "Voting is open from {opens} to {closes}",
    "welcome.status.open": "Voting is open now",
    "welcome.status.before": "Voting has not opened yet",
    "welcome.status.after": "Voting has closed",
    "welcome.fingerprint": "Election fingerprint {fp}",
    "district.title": "Where do you live?",
    "district.hint": "Choose your area. You will see the projects proposed for it.",
    "district.option.desc": "Vote on the projects of this area",
    "district.budget": "Budget {money}",
    "back": "Back",
    "back.desc": "Returns to the previous screen; your choices are kept",
    "ballot.rule.approval": "Pick between {min} and {max} projects you support.",
    "ballot.rule.knapsack": "Pick the projects you want, as long as their total cost fits the budget of {budget}.",
    "ballot.rule.cumulative": "Share {points} points among the projects you want most, at most {per} on one project.",
    "ballot.counter": "{n} of at most {max} picked",
    "ballot.spent": "Spent {spent} of {budget}",
    "ballot.left": "{left} left",
    "ballot.points.used": "{n} of {total} points given",
    "ballot.points.left": "{n} points left",
    "ballot.filter": "Show",
    "ballot.filter.all": "All projects",
    "ballot.filter.desc": "Shows only the projects in this category",
    "ballot.pick": "Pick",
    "ballot.picked": "Picked ✓",
    "ballot.pick.name": "Pick {title}",
    "ballot.pick.desc": "Costs {cost}. Press Space to pick or un-pick this project",
    "ballot.more": "More",
    "ballot.less": "Less",
    "ballot.more.name": "Read more about {title}",
    "ballot.more.desc": "Shows or hides the full description",
    "ballot.minus": "−",
    "ballot.plus": "+",
    "ballot.minus.name": "One point less for {title}",
    "ballot.plus.name": "One point more for {title}",
    "ballot.stepper.desc": "{title} has {n} points",
    "ballot.pointsof": "{n} pts",
    "ballot.review": "Review my choices",
    "ballot.review.desc": "Shows your choices before you continue",
    "ballot.cost": "Cost",
    "review.title": "Check your choices",
    "review.hint": "Nothing has been sent yet. You can still change your choices.",
    "review.none": "You have not picked any project.",
    "review.list": "Your choices",
    "review.list.desc": "Use the arrow keys to scroll the list",
    "review.total.cost": "Total cost {money} of {budget}",
    "review.total.count": "{n} projects picked",
    "review.total.points": "{n} of {total} points given",
    "review.points": "{n} points",
    "review.change": "Change my choices",
    "review.change.desc": "Returns to the ballot with your choices kept",
    "review.continue": "Continue",
    "review.continue.desc": "Goes on to casting the ballot",
    "pending.title": "Casting arrives in the next build",
    "pending.body": "This preview build lets you try the ballot. Encrypting and casting "
                    "your ballot, and the receipt, come in the next build. Nothing was recorded.",
    "pending.home": "Back to the start",
    "pending.home.desc": "Clears your choices and returns to the first screen",
    "unavailable.title": "Not available in this build yet",
    "unavailable.officials": "The officials' console arrives in a later build. "
                             "Use the pbvote command line for now.",
    "unavailable.observer": "The observer screen arrives in a later build. "
                            "Use 'pbvote verify' on the election record for now.",
    "unavailable.server": "Voting through a central server ({url}) arrives in a later build.",
    "unavailable.quit": "Close",
    "unavailable.quit.desc": "Closes the program",
    "problem.too_many": "You can pick at most {limit} projects. Un-pick one first to choose another.",
    "problem.too_few": "Please pick at least {limit} project(s). You have picked {value}.",
    "problem.over_budget.add": "This project costs {cost}; you have {remaining} left.",
    "problem.over_budget": "Your picks cost {value}, more than the budget of {limit}.",
    "problem.points_exceeded": "You have used all {limit} points. Take a point from another project first.",
    "problem.project_points_exceeded": "A project can get at most {limit} points.",
    "problem.negative_points": "Points cannot be negative.",
    "problem.unknown_project": "This project is not on your ballot.",
    "problem.unknown_district": "This area is not part of the election.",
    "problem.wrong_kind": "This ballot does not accept that kind of choice.",
    "error.title": "The kiosk cannot start",
    "money.TWD": "NT${n}",
    "money.other": "{n} {currency}",
    "date": "{d:%d %B %Y, %H:%M}",
}

_ZH: dict[str, str] = {
    "app.title": "pbvote 投票機",
    "lang.zh.desc": "以繁體中文顯示選票",
    "lang.en.desc": "以英文顯示選票",
    "size.normal.name": "一般字級",
    "size.large.name": "大字級",
    "size.largest.name": "特大字級",
    "size.desc": "調整畫面上所有文字的大小",
    "contrast": "高對比",
    "contrast.desc": "切換為黑底白字，較容易閱讀",
    "startover": "重新開始",
    "startover.desc": "清除所有選擇並回到第一個畫面",
    "welcome.start": "開始投票",
    "welcome.start.desc": "以目前顯示的語言開始填寫選票",
    "welcome.polls": "投票期間：{opens} 至 {closes}",
    "welcome.status.open": "現正開放投票",
    "welcome.status.before": "尚未開始投票",
    "welcome.status.after": "投票已結束",
    "welcome.fingerprint": "選舉識別碼 {fp}",
    "district.title": "請選擇您居住的區域",
    "district.hint": "選擇區域後，將顯示該區的提案。",
    "district.option.desc": "對這個區域的提案投票",
    "district.budget": "預算 {money}",
    "back": "上一步",
    "back.desc": "回到上一個畫面，您的選擇會保留",
    "ballot.rule.approval": "請勾選您支持的提案，至少 {min} 案、至多 {max} 案。",
    "ballot.rule.knapsack": "請挑選您希望實現的提案，金額加總不可超過預算 {budget}。",
    "ballot.rule.cumulative": "您有 {points} 點可分配給最想實現的提案，每案最多 {per} 點。",
    "ballot.counter": "已選 {n} 案，至多 {max} 案",
    "ballot.spent": "已使用 {spent}，預算 {budget}",
    "ballot.left": "尚餘 {left}",
    "ballot.points.used": "已分配 {n} 點，共 {total} 點",
    "ballot.points.left": "尚餘 {n} 點",
    "ballot.filter": "顯示",
    "ballot.filter.all": "全部提案",
    "ballot.filter.desc": "只顯示這個類別的提案",
    "ballot.pick": "選擇",
    "ballot.picked": "已選 ✓",
    "ballot.pick.name": "選擇「{title}」",
    "ballot.pick.desc": "金額 {cost}。按空白鍵可選擇或取消",
    "ballot.more": "更多",
    "ballot.less": "收合",
    "ballot.more.name": "閱讀「{title}」的完整說明",
    "ballot.more.desc": "顯示或隱藏完整說明",
    "ballot.minus.name": "「{title}」減少一點",
    "ballot.plus.name": "「{title}」增加一點",
    "ballot.stepper.desc": "「{title}」目前 {n} 點",
    "ballot.pointsof": "{n} 點",
    "ballot.review": "檢查我的選擇",
    "ballot.review.desc": "在繼續之前檢視您的選擇",
    "ballot.cost": "金額",
    "review.title": "請確認您的選擇",
    "review.hint": "尚未送出任何資料，您仍可修改選擇。",
    "review.none": "您尚未選擇任何提案。",
    "review.list": "您的選擇",
    "review.list.desc": "可用方向鍵捲動清單",
    "review.total.cost": "合計 {money}，預算 {budget}",
    "review.total.count": "共選擇 {n} 案",
    "review.total.points": "已分配 {n} 點，共 {total} 點",
    "review.points": "{n} 點",
    "review.change": "修改選擇",
    "review.change.desc": "回到選票，您的選擇會保留",
    "review.continue": "繼續",
    "review.continue.desc": "前往投出選票",
    "pending.title": "投票功能將於下一版推出",
    "pending.body": "此預覽版可讓您試填選票。選票加密、投出與收據功能將於下一版推出。本次未記錄任何資料。",
    "pending.home": "回到首頁",
    "pending.home.desc": "清除您的選擇並回到第一個畫面",
    "unavailable.title": "此版本尚未提供",
    "unavailable.officials": "選務人員控制台將於之後的版本推出，目前請使用 pbvote 指令列工具。",
    "unavailable.observer": "觀察員畫面將於之後的版本推出，目前請對選舉紀錄執行「pbvote verify」。",
    "unavailable.server": "透過中央伺服器（{url}）投票的功能將於之後的版本推出。",
    "unavailable.quit": "關閉",
    "unavailable.quit.desc": "關閉程式",
    "problem.too_many": "最多只能選擇 {limit} 案。請先取消一案，再選擇其他提案。",
    "problem.too_few": "請至少選擇 {limit} 案，您目前選了 {value} 案。",
    "problem.over_budget.add": "這個提案需要 {cost}，您的預算只剩 {remaining}。",
    "problem.over_budget": "您選擇的提案合計 {value}，超過預算 {limit}。",
    "problem.points_exceeded": "{limit} 點已全部分配完畢。請先從其他提案收回一點。",
    "problem.project_points_exceeded": "每個提案最多只能給 {limit} 點。",
    "problem.negative_points": "點數不可為負數。",
    "problem.unknown_project": "這個提案不在您的選票上。",
    "problem.unknown_district": "這個區域不在本次投票範圍內。",
    "problem.wrong_kind": "這張選票不接受這種選擇方式。",
    "error.title": "投票機無法啟動",
    "money.TWD": "新臺幣 {n} 元",
    "date": "{d.year} 年 {d.month} 月 {d.day} 日 {d:%H:%M}",
}

_CATALOG = {"en": _EN, "zh-TW": {**_EN, **_ZH}}


def message_ids() -> list[str]:
    """Return every message id (for tests: each has both languages)."""
    return sorted(_EN)


def tr(language: str, message_id: str, **values: object) -> str:
    """Return the message in ``language`` with ``values`` filled in.

    Unknown languages fall back to English; an unknown id returns the id
    itself so that a missing string is visible, never a crash.
    """
    table = _CATALOG.get(language, _EN)
    template = table.get(message_id, message_id)
    return template.format(**values) if values else template


def format_money(language: str, amount: int, currency: str) -> str:
    """Return an amount with thousands separators and the currency, e.g. ``NT$1,200,000``."""
    n = f"{amount:,}"
    if currency == "TWD":
        return tr(language, "money.TWD", n=n)
    return tr(language, "money.other", n=n, currency=currency)


def format_date(language: str, when: datetime) -> str:
    """Return a date and time as residents read them."""
    return tr(language, "date", d=when)


def render_problem(language: str, problem: Problem) -> str:
    """Return the voter-friendly sentence for a rule problem."""
    money = {
        "cost": format_money(language, problem.cost, problem.currency),
        "remaining": format_money(language, problem.remaining, problem.currency),
        "limit": format_money(language, problem.limit, problem.currency),
        "value": format_money(language, problem.value, problem.currency),
    }
    if problem.code == "over_budget":
        key = "problem.over_budget.add" if problem.project else "problem.over_budget"
        return tr(language, key, **money)
    return tr(language, f"problem.{problem.code}", limit=problem.limit, value=problem.value,
              remaining=problem.remaining)
