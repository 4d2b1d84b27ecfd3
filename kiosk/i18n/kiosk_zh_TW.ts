<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>BallotScreen</name>
    <message>
        <source>%1 left</source>
        <translation>尚餘 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n point(s) given</source>
        <translation>
            <numerusform>已分配 %1 點，共 %n 點</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of at most %n project(s) picked</source>
        <translation>
            <numerusform>已選 %1 案，至多 %n 案</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) left</source>
        <translation>
            <numerusform>尚餘 %n 點</numerusform>
        </translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部提案</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message numerus="yes">
        <source>Pick between %1 and %n project(s) you support.</source>
        <translation>
            <numerusform>請勾選您支持的提案，至少 %1 案、至多 %n 案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick the projects you want, as long as their total cost fits the budget of %1.</source>
        <translation>請挑選您希望實現的提案，金額加總不可超過預算 %1。</translation>
    </message>
    <message>
        <source>Returns to the previous screen; your choices are kept</source>
        <translation>回到上一個畫面，您的選擇會保留</translation>
    </message>
    <message>
        <source>Review my choices</source>
        <translation>檢查我的選擇</translation>
    </message>
    <message numerus="yes">
        <source>Share %n point(s) among the projects you want most, at most %1 on one project.</source>
        <translation>
            <numerusform>您有 %n 點可分配給最想實現的提案，每案最多 %1 點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Shows only the projects in this category</source>
        <translation>只顯示這個類別的提案</translation>
    </message>
    <message>
        <source>Shows your choices before you continue</source>
        <translation>在繼續之前檢視您的選擇</translation>
    </message>
    <message>
        <source>Spent %1 of %2</source>
        <translation>已使用 %1，預算 %2</translation>
    </message>
</context>
<context>
    <name>Date</name>
    <message>
        <source>d MMMM yyyy, HH:mm</source>
        <comment>QLocale date format: day, month name, year</comment>
        <translation>yyyy 年 M 月 d 日 HH:mm</translation>
    </message>
</context>
<context>
    <name>DistrictScreen</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>預算 %1</translation>
    </message>
    <message>
        <source>Choose your area. You will see the projects proposed for it.</source>
        <translation>選擇區域後，將顯示該區的提案。</translation>
    </message>
    <message>
        <source>Returns to the previous screen; your choices are kept</source>
        <translation>回到上一個畫面，您的選擇會保留</translation>
    </message>
    <message>
        <source>Vote on the projects of this area</source>
        <translation>對這個區域的提案投票</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>請選擇您居住的區域</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>我需要更多時間</translation>
    </message>
    <message>
        <source>Keeps your choices and hides this message</source>
        <translation>保留您的選擇並關閉此訊息</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to continue.</source>
        <translation>請觸碰螢幕或按任一鍵繼續。</translation>
    </message>
    <message numerus="yes">
        <source>Your ballot will be cleared in %n second(s).</source>
        <translation>
            <numerusform>%n 秒後將清除您的選票。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your settings will be reset in %n second(s).</source>
        <translation>
            <numerusform>%n 秒後將恢復預設設定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>pbvote kiosk</source>
        <translation>pbvote 投票機</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Choose your language</source>
        <translation>請選擇語言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Show the ballot in English</source>
        <translation>以英文顯示選票</translation>
    </message>
    <message>
        <source>Show the ballot in Traditional Chinese</source>
        <translation>以繁體中文顯示選票</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1 %2</source>
        <comment>an amount, then its ISO currency code</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>NT$%1</source>
        <translation>新臺幣 %1 元</translation>
    </message>
</context>
<context>
    <name>PendingScreen</name>
    <message>
        <source>Back to the start</source>
        <translation>回到首頁</translation>
    </message>
    <message>
        <source>Casting arrives in the next build</source>
        <translation>投票功能將於下一版推出</translation>
    </message>
    <message>
        <source>Clears your choices and returns to the first screen</source>
        <translation>清除您的選擇並回到第一個畫面</translation>
    </message>
    <message>
        <source>This preview build lets you try the ballot. Encrypting and casting your ballot, and the receipt, come in the next build. Nothing was recorded.</source>
        <translation>此預覽版可讓您試填選票。選票加密、投出與收據功能將於下一版推出。本次未記錄任何資料。</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message numerus="yes">
        <source>A project can get at most %n point(s).</source>
        <translation>
            <numerusform>每個提案最多只能給 %n 點。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please pick at least %n project(s). You have picked %1.</source>
        <translation>
            <numerusform>請至少選擇 %n 案，您目前選了 %1 案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Points cannot be negative.</source>
        <translation>點數不可為負數。</translation>
    </message>
    <message>
        <source>This area is not part of the election.</source>
        <translation>這個區域不在本次投票範圍內。</translation>
    </message>
    <message>
        <source>This ballot does not accept that kind of choice.</source>
        <translation>這張選票不接受這種選擇方式。</translation>
    </message>
    <message>
        <source>This project costs %1; you have %2 left.</source>
        <translation>這個提案需要 %1，您的預算只剩 %2。</translation>
    </message>
    <message>
        <source>This project is not on your ballot.</source>
        <translation>這個提案不在您的選票上。</translation>
    </message>
    <message numerus="yes">
        <source>You can pick at most %n project(s). Un-pick one first to choose another.</source>
        <translation>
            <numerusform>最多只能選擇 %n 案。請先取消一案，再選擇其他提案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have used all %n point(s). Take a point from another project first.</source>
        <translation>
            <numerusform>%n 點已全部分配完畢。請先從其他提案收回一點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your picks cost %1, more than the budget of %2.</source>
        <translation>您選擇的提案合計 %1，超過預算 %2。</translation>
    </message>
</context>
<context>
    <name>ProjectCard</name>
    <message numerus="yes">
        <source>%1 has %n point(s)</source>
        <translation>
            <numerusform>「%1」目前 %n 點</numerusform>
        </translation>
    </message>
    <message>
        <source>+</source>
        <comment>one point more</comment>
        <translation>+</translation>
    </message>
    <message>
        <source>Cost  %1</source>
        <translation>金額  %1</translation>
    </message>
    <message>
        <source>Costs %1. Press Space to pick or un-pick this project</source>
        <translation>金額 %1。按空白鍵可選擇或取消</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>收合</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>One point less for %1</source>
        <translation>「%1」減少一點</translation>
    </message>
    <message>
        <source>One point more for %1</source>
        <translation>「%1」增加一點</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>選擇</translation>
    </message>
    <message>
        <source>Pick %1</source>
        <translation>選擇「%1」</translation>
    </message>
    <message>
        <source>Picked ✓</source>
        <translation>已選 ✓</translation>
    </message>
    <message>
        <source>Read more about %1</source>
        <translation>閱讀「%1」的完整說明</translation>
    </message>
    <message>
        <source>Shows or hides the full description</source>
        <translation>顯示或隱藏完整說明</translation>
    </message>
    <message>
        <source>−</source>
        <comment>one point less</comment>
        <translation>−</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message numerus="yes">
        <source>%1 of %n point(s) given</source>
        <translation>
            <numerusform>已分配 %1 點，共 %n 點</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 點</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) picked</source>
        <translation>
            <numerusform>共選擇 %n 案</numerusform>
        </translation>
    </message>
    <message>
        <source>Change my choices</source>
        <translation>修改選擇</translation>
    </message>
    <message>
        <source>Check your choices</source>
        <translation>請確認您的選擇</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Goes on to casting the ballot</source>
        <translation>前往投出選票</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. You can still change your choices.</source>
        <translation>尚未送出任何資料，您仍可修改選擇。</translation>
    </message>
    <message>
        <source>Returns to the ballot with your choices kept</source>
        <translation>回到選票，您的選擇會保留</translation>
    </message>
    <message>
        <source>Total cost %1 of %2</source>
        <translation>合計 %1，預算 %2</translation>
    </message>
    <message>
        <source>Use the arrow keys to scroll the list</source>
        <translation>可用方向鍵捲動清單</translation>
    </message>
    <message>
        <source>You have not picked any project.</source>
        <translation>您尚未選擇任何提案。</translation>
    </message>
    <message>
        <source>Your choices</source>
        <translation>您的選擇</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The kiosk cannot start</source>
        <translation>投票機無法啟動</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>A++</source>
        <translation>A++</translation>
    </message>
    <message>
        <source>Changes the size of all text on the screen</source>
        <translation>調整畫面上所有文字的大小</translation>
    </message>
    <message>
        <source>Clears every choice and returns to the first screen</source>
        <translation>清除所有選擇並回到第一個畫面</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比</translation>
    </message>
    <message>
        <source>Large text size</source>
        <translation>大字級</translation>
    </message>
    <message>
        <source>Largest text size</source>
        <translation>特大字級</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>一般字級</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>Switches to white text on black for easier reading</source>
        <translation>切換為黑底白字，較容易閱讀</translation>
    </message>
</context>
<context>
    <name>Unavailable</name>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Closes the program</source>
        <translation>關閉程式</translation>
    </message>
    <message>
        <source>Not available in this build yet</source>
        <translation>此版本尚未提供</translation>
    </message>
    <message>
        <source>The observer screen arrives in a later build. Use &apos;pbvote verify&apos; on the election record for now.</source>
        <translation>觀察員畫面將於之後的版本推出，目前請對選舉紀錄執行「pbvote verify」。</translation>
    </message>
    <message>
        <source>The officials&apos; console arrives in a later build. Use the pbvote command line for now.</source>
        <translation>選務人員控制台將於之後的版本推出，目前請使用 pbvote 指令列工具。</translation>
    </message>
    <message>
        <source>Voting through a central server (%1) arrives in a later build.</source>
        <translation>透過中央伺服器（%1）投票的功能將於之後的版本推出。</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Begins the ballot in the language shown</source>
        <translation>以目前顯示的語言開始填寫選票</translation>
    </message>
    <message>
        <source>Election fingerprint %1</source>
        <translation>選舉識別碼 %1</translation>
    </message>
    <message>
        <source>Start voting</source>
        <translation>開始投票</translation>
    </message>
    <message>
        <source>Voting has closed</source>
        <translation>投票已結束</translation>
    </message>
    <message>
        <source>Voting has not opened yet</source>
        <translation>尚未開始投票</translation>
    </message>
    <message>
        <source>Voting is open from %1 to %2</source>
        <translation>投票期間：%1 至 %2</translation>
    </message>
    <message>
        <source>Voting is open now</source>
        <translation>現正開放投票</translation>
    </message>
</context>
</TS>
