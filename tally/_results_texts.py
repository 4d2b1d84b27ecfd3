"""
The words of the results report, in every language pbvote prints (en, zh-TW).

Kept apart from the drawing code so a translator can read and fix one flat
table without touching layout, and so a test can check that both languages
have exactly the same keys and placeholders (a missing key would otherwise
only show up as a crash in front of an election official).
"""

from __future__ import annotations

from typing import Final

__all__ = ["TEXTS", "text"]

TEXTS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "doc_title": "Results",
        "subtitle": "Participatory budgeting results, as signed in results.json",
        "fingerprint": "Election fingerprint",
        "fingerprint_note": "Every file of the election record and every receipt carries this fingerprint.",
        "district": "District",
        "ballots": "Ballots counted: {n}",
        "ballot_rule_approval": "Ballot: each voter approves {min} to {max} projects.",
        "ballot_rule_knapsack": "Ballot: each voter picks projects whose total cost fits the budget.",
        "ballot_rule_cumulative": "Ballot: each voter spreads {points} points over the projects.",
        "rule_greedy": "Rule: by votes. Projects are taken from the most votes down; a project that costs "
                       "more than the money left is skipped and the next one is tried.",
        "rule_greedy-no-skip": "Rule: by votes, in order. Projects are taken from the most votes down; counting "
                               "stops at the first project that costs more than the money left.",
        "rule_greedy-threshold": "Rule: by votes, with a minimum. Projects are taken from the most votes down; "
                                 "a project that costs more than the money left is skipped.",
        "rule_equal-shares": "Rule: Method of Equal Shares. The budget is shared equally among the voters; a "
                             "project is funded when its supporters can pay for it together from their shares, "
                             "the project that costs its supporters least per unit first. The share is then "
                             "raised one unit at a time while the result still fits the budget.",
        "rule_fill": "Money left after Equal Shares goes to the remaining projects by votes.",
        "rule_threshold": "A project needs at least {threshold} votes to be funded.",
        "budget_available": "Budget available",
        "budget_used": "Budget used",
        "budget_left": "Budget left",
        "col_rank": "#",
        "col_project": "Project",
        "col_cost": "Cost",
        "col_votes": "Votes",
        "col_points": "Points",
        "col_funded": "Funded",
        "funded_yes": "Funded",
        "funded_no": "Not funded",
        "chart_title": "Votes per project",
        "chart_title_points": "Points per project",
        "legend_funded": "funded",
        "legend_not_funded": "not funded",
        "how_title_greedy": "How the projects were chosen",
        "how_title_mes": "How the projects were chosen, round by round",
        "col_step": "Step",
        "col_round": "Round",
        "col_left": "Left after",
        "col_decision": "Decision",
        "col_supporters": "Supporters",
        "col_rho": "Pays at most",
        "reason_fits": "funded: fits in the money left",
        "reason_does not fit": "skipped: more than the money left",
        "reason_below threshold": "skipped: fewer votes than the minimum",
        "reason_stopped": "not considered: counting stopped",
        "reason_reserve": "funded from the reserve",
        "mes_intro": "Each of the {voters} voters started with a share of {share} {currency} (after "
                     "raising the share, see the rule above). In each round the project below was funded; "
                     "each supporter paid at most the amount shown (exact fractions are in results.json).",
        "mes_fill": "Then the money left was spent by votes:",
        "notes": "Notes from the tally",
        "verify_title": "How to verify these results",
        "verify_intro": "Anyone can check this election without trusting the organisers. Download the "
                        "election record published with these results and run:",
        "verify_checks": "The verifier checks that:",
        "verify_1": "the manifest in the record hashes to the fingerprint printed above;",
        "verify_2": "every ballot on the public board was signed by a registered kiosk, carries valid "
                    "zero-knowledge proofs, and was counted once;",
        "verify_3": "the board's hash chain is unbroken and matches the signed head;",
        "verify_4": "the encrypted totals are the product of the ballots, and the trustees' decryptions "
                    "come with valid proofs;",
        "verify_5": "the counts and the funded projects follow from the rule, and results.json is signed "
                    "by the ballot box.",
        "verify_receipt": "With your receipt you can also check that your own ballot is on the board: "
                          "pbvote verify RECORD --receipt CODE",
        "verify_files": "Files of the record:",
        "page": "Page {n}",
        "qr_caption": "QR: the full fingerprint",
    },
    "zh-TW": {
        "doc_title": "投票結果",
        "subtitle": "參與式預算投票結果（與簽章檔 results.json 一致）",
        "fingerprint": "選舉指紋",
        "fingerprint_note": "選舉紀錄中的每個檔案與每張投票收據都印有這個指紋。",
        "district": "選區",
        "ballots": "有效票數：{n}",
        "ballot_rule_approval": "投票方式：每位投票人勾選 {min} 至 {max} 個提案。",
        "ballot_rule_knapsack": "投票方式：每位投票人勾選的提案總金額不得超過預算。",
        "ballot_rule_cumulative": "投票方式：每位投票人將 {points} 點分配給各提案。",
        "rule_greedy": "計票規則：依得票數高低。從得票最多的提案開始依序補助；剩餘預算不足以支應的提案"
                       "跳過，繼續看下一案。",
        "rule_greedy-no-skip": "計票規則：依得票數高低依序補助；遇到第一個剩餘預算不足以支應的提案即停止。",
        "rule_greedy-threshold": "計票規則：依得票數高低，並設最低票數。從得票最多的提案開始依序補助；剩餘"
                                 "預算不足以支應的提案跳過。",
        "rule_equal-shares": "計票規則：均等分攤法（Method of Equal Shares）。預算平均分給每位投票人；"
                             "當一個提案的支持者能以各自的份額共同負擔其費用時即獲補助，每單位費用對支持者"
                             "負擔最小的提案優先。之後每次將份額提高一元，只要結果仍在預算之內。",
        "rule_fill": "均等分攤後剩餘的預算，再依得票數補助其餘提案。",
        "rule_threshold": "提案至少須得 {threshold} 票才能獲得補助。",
        "budget_available": "可用預算",
        "budget_used": "已用預算",
        "budget_left": "剩餘預算",
        "col_rank": "名次",
        "col_project": "提案",
        "col_cost": "經費",
        "col_votes": "得票數",
        "col_points": "點數",
        "col_funded": "補助",
        "funded_yes": "獲補助",
        "funded_no": "未獲補助",
        "chart_title": "各提案得票數",
        "chart_title_points": "各提案點數",
        "legend_funded": "獲補助",
        "legend_not_funded": "未獲補助",
        "how_title_greedy": "提案如何選出",
        "how_title_mes": "提案如何選出（逐輪說明）",
        "col_step": "步驟",
        "col_round": "輪次",
        "col_left": "剩餘預算",
        "col_decision": "結果",
        "col_supporters": "支持人數",
        "col_rho": "每人最多負擔",
        "reason_fits": "獲補助：剩餘預算足夠",
        "reason_does not fit": "跳過：經費超過剩餘預算",
        "reason_below threshold": "跳過：票數未達門檻",
        "reason_stopped": "未考慮：計票已停止",
        "reason_reserve": "由預備金補助",
        "mes_intro": "{voters} 位投票人每人分得 {share} {currency}（已依上述規則提高份額）。每一輪補助下列"
                     "一個提案，每位支持者最多負擔所示金額（精確分數見 results.json）。",
        "mes_fill": "剩餘預算再依得票數分配：",
        "notes": "計票備註",
        "verify_title": "如何驗證這份結果",
        "verify_intro": "任何人都可以自行驗證這次投票，不必相信主辦單位。請下載與結果一同公布的選舉紀錄，"
                        "並執行：",
        "verify_checks": "驗證程式會檢查：",
        "verify_1": "紀錄中的選舉資訊雜湊後與上方印出的指紋相同；",
        "verify_2": "公開看板上的每張選票都由登記的投票機簽章、附有有效的零知識證明，且只計算一次；",
        "verify_3": "看板的雜湊鏈完整，並與簽章的鏈頭相符；",
        "verify_4": "加密總數是所有選票的乘積，且受託人的解密附有有效的證明；",
        "verify_5": "票數與獲補助提案確實依規則算出，且 results.json 由投票箱簽章。",
        "verify_receipt": "持有投票收據的人也可以確認自己的選票在看板上：pbvote verify RECORD --receipt CODE",
        "verify_files": "選舉紀錄的檔案：",
        "page": "第 {n} 頁",
        "qr_caption": "QR：完整指紋",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """Return the report string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return TEXTS[lang][key].format(**values) if values else TEXTS[lang][key]
