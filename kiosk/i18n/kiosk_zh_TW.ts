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
    <name>BusyScreen</name>
    <message>
        <source>Casting your ballot…</source>
        <translation>正在投出您的選票…</translation>
    </message>
    <message>
        <source>Checking your ballot…</source>
        <translation>正在檢查您的選票…</translation>
    </message>
    <message>
        <source>Encrypting your ballot…</source>
        <translation>正在加密您的選票…</translation>
    </message>
    <message>
        <source>The ballot box is checking and storing your encrypted ballot. Please wait a moment.</source>
        <translation>票匭正在檢查並保存您的加密選票，請稍候。</translation>
    </message>
    <message>
        <source>The encrypted ballot is being opened so you can see what it contains. It will not be counted.</source>
        <translation>正在打開這張加密選票，讓您看看裡面的內容。這張選票不會計票。</translation>
    </message>
    <message>
        <source>Your choices are being locked so that no one can read them. Please wait a moment.</source>
        <translation>正在加密您的選擇，任何人都無法讀取。請稍候。</translation>
    </message>
</context>
<context>
    <name>CastScreen</name>
    <message>
        <source>A check opens this encrypted ballot and shows what it contains, so you can see the kiosk recorded your choices. The checked ballot is then thrown away and your choices are encrypted again.</source>
        <translation>檢查會打開這張加密選票並顯示內容，讓您確認投票機如實記錄了您的選擇。檢查過的選票隨即作廢，您的選擇會重新加密。</translation>
    </message>
    <message>
        <source>Cast it now, or check it first. Nothing is counted until you press “Cast my ballot”.</source>
        <translation>您可以現在投票，或先檢查選票。按下「投出我的選票」之前，不會計入任何一票。</translation>
    </message>
    <message>
        <source>Cast my ballot</source>
        <translation>投出我的選票</translation>
    </message>
    <message>
        <source>Change my choices</source>
        <translation>修改我的選擇</translation>
    </message>
    <message>
        <source>Check this ballot first</source>
        <translation>先檢查這張選票</translation>
    </message>
    <message>
        <source>Returns to the ballot; this encrypted ballot is never cast</source>
        <translation>回到選票；這張加密選票不會投出</translation>
    </message>
    <message>
        <source>Sends your encrypted ballot to the ballot box; it then counts</source>
        <translation>將加密選票送入票匭，之後即計入票數</translation>
    </message>
    <message>
        <source>Shows what the encrypted ballot contains; it will not be counted</source>
        <translation>顯示加密選票的內容；這張選票不會計票</translation>
    </message>
    <message>
        <source>Tracking code of this ballot: %1</source>
        <translation>這張選票的追蹤碼：%1</translation>
    </message>
    <message>
        <source>Your ballot is encrypted</source>
        <translation>您的選票已加密</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>A poll worker checks the resident&apos;s ID against the voter roll. Each resident can check in once.</source>
        <translation>由工作人員核對居民證件與選舉人名冊。每位居民只能報到一次。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>出生日期（西元年-月-日）</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>報到</translation>
    </message>
    <message>
        <source>Check-in by a poll worker</source>
        <translation>工作人員報到</translation>
    </message>
    <message>
        <source>Checks the resident against the voter roll</source>
        <translation>核對居民是否在選舉人名冊上</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身分證字號</translation>
    </message>
    <message>
        <source>Letters and digits, as on the ID card</source>
        <translation>英文字母與數字，與身分證相同</translation>
    </message>
    <message>
        <source>Returns to the first screen</source>
        <translation>回到第一個畫面</translation>
    </message>
    <message>
        <source>Year, month and day, e.g. 1980-04-23</source>
        <translation>西元年、月、日，例如 1980-04-23</translation>
    </message>
</context>
<context>
    <name>CheckedScreen</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 點</numerusform>
        </translation>
    </message>
    <message>
        <source>Change my choices</source>
        <translation>修改我的選擇</translation>
    </message>
    <message>
        <source>Compare it with your choices. If it does not match, do not vote here: tell a poll worker.</source>
        <translation>請與您的選擇比對。若不相符，請勿在此投票，並告知工作人員。</translation>
    </message>
    <message>
        <source>Encrypts your choices again, then you can cast or check again</source>
        <translation>重新加密您的選擇，之後可以投票或再次檢查</translation>
    </message>
    <message>
        <source>It matches: encrypt again</source>
        <translation>內容相符：重新加密</translation>
    </message>
    <message>
        <source>Not picked</source>
        <translation>未選</translation>
    </message>
    <message>
        <source>Published as a checked ballot, never counted: %1</source>
        <translation>已公開為檢查用選票，不會計票：%1</translation>
    </message>
    <message>
        <source>Returns to the ballot</source>
        <translation>回到選票</translation>
    </message>
    <message>
        <source>This is what your checked ballot contained</source>
        <translation>這是您檢查的選票內容</translation>
    </message>
    <message>
        <source>✔ Picked</source>
        <translation>✔ 已選</translation>
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
    <name>EligibilityScreen</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Checks the code and opens your ballot</source>
        <translation>核對投票碼並開啟您的選票</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>It is on your letter: 24 letters and digits in groups of four. You can also hold the QR code on your letter under the scanner.</source>
        <translation>投票碼印在您的通知信上：共 24 個英文字母與數字，每 4 個一組。您也可以把通知信上的 QR 碼放到掃描器下方。</translation>
    </message>
    <message>
        <source>Returns to the first screen</source>
        <translation>回到第一個畫面</translation>
    </message>
    <message>
        <source>Type the 24 letters and digits; the groups are made for you</source>
        <translation>請輸入 24 個英文字母與數字，系統會自動分組</translation>
    </message>
    <message>
        <source>Type your voting code</source>
        <translation>請輸入您的投票碼</translation>
    </message>
    <message>
        <source>Voting code</source>
        <translation>投票碼</translation>
    </message>
    <message>
        <source>Your choices are kept: after a valid code you go straight back to them.</source>
        <translation>您的選擇已保留：輸入有效的投票碼後，會直接回到您的選擇。</translation>
    </message>
</context>
<context>
    <name>ErrorNotice</name>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Closes this message; nothing else changes</source>
        <translation>關閉這則訊息，其他不變</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected happened and your ballot was not cast. Your choices are kept: please try again, or ask a poll worker for help.</source>
        <translation>發生了意外狀況，您的選票尚未投出。您的選擇已保留：請再試一次，或請工作人員協助。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>發生問題</translation>
    </message>
    <message>
        <source>The ballot box cannot be reached. Your ballot was not cast. Your choices are kept: please try again in a moment.</source>
        <translation>目前無法連線到票匭，您的選票尚未投出。您的選擇已保留：請稍後再試一次。</translation>
    </message>
    <message>
        <source>The ballot box could not be verified</source>
        <translation>無法確認票匭的真實性</translation>
    </message>
    <message>
        <source>The ballot box did not accept this ballot, so it was not cast. Your choices are kept: please try again. If it happens again, ask a poll worker for help.</source>
        <translation>票匭沒有接受這張選票，因此尚未投出。您的選擇已保留：請再試一次。若再次發生，請工作人員協助。</translation>
    </message>
    <message>
        <source>The ballot box did not answer</source>
        <translation>票匭沒有回應</translation>
    </message>
    <message>
        <source>The ballot box&apos;s answer did not check out, so this kiosk has stopped here. Please contact the election officials and tell them what happened. Do not use this receipt as proof of voting.</source>
        <translation>票匭的回應未能通過查核，因此本機已在此停止。請聯絡選務人員並說明發生的情況。請勿將此收據當作投票證明。</translation>
    </message>
    <message>
        <source>The kiosk could not check your code just now. Nothing was recorded. Please try again.</source>
        <translation>投票機暫時無法核對您的投票碼，沒有記錄任何資料。請再試一次。</translation>
    </message>
    <message>
        <source>The receipt did not print</source>
        <translation>收據沒有印出</translation>
    </message>
    <message>
        <source>This kiosk is connected to a ballot box for another election, or one that does not check out, so it has stopped here. Please contact the election officials.</source>
        <translation>本機連線的票匭屬於另一場選舉，或未能通過查核，因此本機已在此停止。請聯絡選務人員。</translation>
    </message>
    <message>
        <source>We do not know yet whether your ballot was recorded. Please try again: the very same ballot is sent again, and it can never count twice.</source>
        <translation>目前還無法確定您的選票是否已記錄。請再試一次：系統會再次送出同一張選票，它絕不會被重複計算。</translation>
    </message>
    <message>
        <source>Your ballot could not be checked just now. Nothing was cast. Please try again.</source>
        <translation>暫時無法檢查您的選票，沒有投出任何選票。請再試一次。</translation>
    </message>
    <message>
        <source>Your ballot could not be prepared. Nothing was sent. Please try again.</source>
        <translation>無法準備您的選票，沒有送出任何資料。請再試一次。</translation>
    </message>
    <message>
        <source>Your ballot was cast and counts. The receipt could not be printed: try again, or write down the tracking code shown on the screen.</source>
        <translation>您的選票已投出並計入。收據無法列印：請再試一次，或抄下畫面上的追蹤碼。</translation>
    </message>
    <message>
        <source>Your ballot was not cast</source>
        <translation>您的選票尚未投出</translation>
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
    <name>ReceiptScreen</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Ends your session and clears the screen</source>
        <translation>結束投票並清除畫面</translation>
    </message>
    <message>
        <source>Keep this code: with it you can find your ballot in the published record. It does not show your choices.</source>
        <translation>請保留這個追蹤碼：可用來在公開的選舉紀錄中找到您的選票。它不會顯示您的選擇。</translation>
    </message>
    <message>
        <source>Print my receipt</source>
        <translation>列印收據</translation>
    </message>
    <message>
        <source>Printing your receipt…</source>
        <translation>正在列印收據…</translation>
    </message>
    <message>
        <source>Prints the tracking code and QR code; not your choices</source>
        <translation>列印追蹤碼與 QR 碼，不含您的選擇</translation>
    </message>
    <message>
        <source>QR code of your receipt</source>
        <translation>收據的 QR 碼</translation>
    </message>
    <message numerus="yes">
        <source>This screen clears itself in %n second(s).</source>
        <translation>
            <numerusform>本畫面將於 %n 秒後自動清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracking code %1</source>
        <translation>追蹤碼 %1</translation>
    </message>
    <message>
        <source>Your ballot was cast</source>
        <translation>您的選票已投出</translation>
    </message>
    <message>
        <source>Your receipt is printing. Please take it.</source>
        <translation>收據列印中，請取走收據。</translation>
    </message>
    <message>
        <source>Your tracking code</source>
        <translation>您的追蹤碼</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>No one with this ID number and birth date is on the voter roll. Please check both.</source>
        <translation>選舉人名冊上沒有符合這組身分證字號與出生日期的人，請再核對兩者。</translation>
    </message>
    <message>
        <source>One character of this code is not right. Please compare it with your letter and correct it.</source>
        <translation>投票碼有一個字元不正確，請對照通知信修正。</translation>
    </message>
    <message>
        <source>Please type the ID number (letters and digits) and the birth date as YYYY-MM-DD.</source>
        <translation>請輸入身分證字號（英文字母與數字）及出生日期（西元年-月-日）。</translation>
    </message>
    <message>
        <source>This code has already been used to vote, and each code votes once. If you did not vote with it, please ask a poll worker.</source>
        <translation>這個投票碼已經投過票，每個投票碼只能投一次。若您並未使用它投票，請洽工作人員。</translation>
    </message>
    <message>
        <source>This code is not on this election&apos;s list. Please compare it with your letter, or ask a poll worker for help.</source>
        <translation>這個投票碼不在本次投票的名單上。請對照通知信，或請工作人員協助。</translation>
    </message>
    <message>
        <source>This is not a whole voting code. A code has 24 letters and digits in groups of four, as printed on your letter.</source>
        <translation>這不是完整的投票碼。投票碼共有 24 個英文字母與數字，每 4 個一組，與通知信上印的相同。</translation>
    </message>
    <message>
        <source>This resident has already checked in, so they cannot vote again.</source>
        <translation>這位居民已經報到過，不能再次投票。</translation>
    </message>
    <message>
        <source>Voting has closed. No more ballots can be cast.</source>
        <translation>投票已經結束，無法再投票。</translation>
    </message>
    <message>
        <source>Voting has not opened yet. Please come back when the polls open.</source>
        <translation>投票尚未開始，請於開放投票後再來。</translation>
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
        <source>Please contact the election officials.</source>
        <translation>請聯絡選務人員。</translation>
    </message>
    <message>
        <source>The ballot box cannot be reached just now: please try again later.</source>
        <translation>目前無法連線到票匭：請稍後再試。</translation>
    </message>
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
