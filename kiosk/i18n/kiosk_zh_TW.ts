<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AccessPage</name>
    <message>
        <source>Access</source>
        <translation>存取權限</translation>
    </message>
    <message>
        <source>Attendants can sign in</source>
        <translation>服務人員可以登入</translation>
    </message>
    <message>
        <source>Attendants&apos; passphrase</source>
        <translation>服務人員通關密語</translation>
    </message>
    <message>
        <source>Change officials&apos; passphrase</source>
        <translation>變更選務人員通關密語</translation>
    </message>
    <message>
        <source>No attendant passphrase yet</source>
        <translation>尚未設定服務人員通關密語</translation>
    </message>
    <message>
        <source>Officials&apos; passphrase</source>
        <translation>選務人員通關密語</translation>
    </message>
    <message>
        <source>Officials&apos; passphrase set</source>
        <translation>已設定選務人員通關密語</translation>
    </message>
    <message>
        <source>Passphrase set. It is needed from the next sign-in on.</source>
        <translation>通關密語已設定，下次登入起生效。</translation>
    </message>
    <message>
        <source>Set attendants&apos; passphrase</source>
        <translation>設定服務人員通關密語</translation>
    </message>
    <message>
        <source>The passphrase was not set</source>
        <translation>通關密語未設定</translation>
    </message>
    <message>
        <source>Who may sign in to this console. Attendants see only the check-in page; officials see everything.</source>
        <translation>誰可以登入本主控台。服務人員只看得到報到頁面；選務人員可使用所有頁面。</translation>
    </message>
</context>
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
    <name>CameraDialog</name>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Closes the camera</source>
        <translation>關閉相機</translation>
    </message>
    <message>
        <source>Hold the receipt&apos;s QR code in front of the camera, then take a picture.</source>
        <translation>請將收據的 QR 碼對準相機，然後拍照。</translation>
    </message>
    <message>
        <source>No camera was found on this computer.</source>
        <translation>這台電腦找不到相機。</translation>
    </message>
    <message>
        <source>Receipt camera</source>
        <translation>收據相機</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Takes a picture and reads its QR code</source>
        <translation>拍照並讀取其中的 QR 碼</translation>
    </message>
    <message>
        <source>The picture could not be taken; please try again.</source>
        <translation>無法拍照，請再試一次。</translation>
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
    <name>CheckInPage</name>
    <message>
        <source>Already checked in: this resident has voted (or checked in) before.</source>
        <translation>已經報到過：這位居民先前已投票（或已報到）。</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>出生日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>報到</translation>
    </message>
    <message>
        <source>Check this resident in on the roll</source>
        <translation>在選舉人名冊上為這位居民報到</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>報到</translation>
    </message>
    <message>
        <source>Checked in: the resident may vote now.</source>
        <translation>已報到：這位居民現在可以投票。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身分證字號</translation>
    </message>
    <message>
        <source>Its passphrase</source>
        <translation>金鑰的通關密語</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>金鑰檔（*.key）</translation>
    </message>
    <message>
        <source>No check-in: this election uses voting codes</source>
        <translation>不需報到：本次投票使用投票碼</translation>
    </message>
    <message>
        <source>Not on the roll: check the ID number and the birth date.</source>
        <translation>名冊上查無此人：請核對身分證字號與出生日期。</translation>
    </message>
    <message>
        <source>Open roll key</source>
        <translation>開啟名冊金鑰</translation>
    </message>
    <message>
        <source>Open the roll key</source>
        <translation>開啟名冊金鑰</translation>
    </message>
    <message>
        <source>Passphrase of the roll key</source>
        <translation>名冊金鑰的通關密語</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Roll key file</source>
        <translation>名冊金鑰檔</translation>
    </message>
    <message>
        <source>Roll key not opened</source>
        <translation>名冊金鑰尚未開啟</translation>
    </message>
    <message>
        <source>Roll key open: checking residents in</source>
        <translation>名冊金鑰已開啟：可為居民報到</translation>
    </message>
    <message>
        <source>The resident was not checked in</source>
        <translation>居民未完成報到</translation>
    </message>
    <message>
        <source>The roll key</source>
        <translation>名冊金鑰</translation>
    </message>
    <message>
        <source>The roll key did not open</source>
        <translation>名冊金鑰無法開啟</translation>
    </message>
    <message>
        <source>Voter-roll elections: check each resident in before they vote. The roll holds keyed hashes only, and check-ins are never logged.</source>
        <translation>使用選舉人名冊的投票：每位居民投票前先報到。名冊只保存加鑰雜湊值，報到也絕不記入日誌。</translation>
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
    <name>Connecting</name>
    <message>
        <source>Checking that %1 serves the election on your code letter. This takes a few seconds.</source>
        <translation>正在確認 %1 提供的是您投票通知單上的選舉，需要幾秒鐘。</translation>
    </message>
    <message>
        <source>Connecting to the ballot box…</source>
        <translation>正在連線到投票箱…</translation>
    </message>
</context>
<context>
    <name>ConsoleLogin</name>
    <message>
        <source>Attendant</source>
        <translation>服務人員</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <source>Checks residents in on the voter roll</source>
        <translation>在選舉人名冊上為居民報到</translation>
    </message>
    <message>
        <source>First start: choose the officials&apos; passphrase (at least %1 characters). Keep it safe: it guards every action of this console.</source>
        <translation>第一次啟動：請設定選務人員通關密語（至少 %1 個字元）。請妥善保管：本主控台的每個動作都由它把關。</translation>
    </message>
    <message>
        <source>No passphrase is set for attendants yet: an official sets it on the Access page.</source>
        <translation>尚未設定服務人員通關密語：請選務人員在「存取權限」頁面設定。</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>選務人員</translation>
    </message>
    <message>
        <source>Officials&apos; console</source>
        <translation>選務主控台</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>通關密語</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>設定通關密語</translation>
    </message>
    <message>
        <source>Sets up and runs the election: every page</source>
        <translation>設定並執行投票：可使用所有頁面</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>登入身分</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>登入未完成</translation>
    </message>
    <message>
        <source>The officials&apos; passphrase is set. Sign in with it now.</source>
        <translation>選務人員通關密語已設定，請用它登入。</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: this role is locked until %1.</source>
        <translation>通關密語錯誤次數過多：此身分鎖定至 %1。</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>請先輸入通關密語。</translation>
    </message>
    <message>
        <source>Type the passphrase of this role.</source>
        <translation>請輸入此身分的通關密語。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message numerus="yes">
        <source>Wrong passphrase. %n attempt(s) left before this role is locked for a while.</source>
        <translation>
            <numerusform>通關密語錯誤。再錯 %n 次，此身分將暫時鎖定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleMessages</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something unexpected happened; nothing further was changed. The details are in the console&apos;s log.</source>
        <translation>發生非預期的狀況，沒有做任何進一步的變更。詳細內容記錄在主控台的日誌中。</translation>
    </message>
</context>
<context>
    <name>ConsolePassphrase</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>設定通關密語</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新的通關密語</translation>
    </message>
    <message>
        <source>New passphrase, again</source>
        <translation>再次輸入新的通關密語</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>通關密語</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>通關密語至少需要 %1 個字元。</translation>
    </message>
    <message>
        <source>The two entries differ; please type them again.</source>
        <translation>兩次輸入不一致，請重新輸入。</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 個字元</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 (so far)</source>
        <translation>%1（進行中）</translation>
    </message>
    <message>
        <source>Ballots carry no time, so the console notes the total once an hour; each bar is the difference between two notes. A bar spanning several hours means the console was not open in between.</source>
        <translation>選票不記錄時間，因此主控台每小時記下一次總數；每條長條是兩次紀錄之間的差。橫跨數小時的長條表示期間主控台未開啟。</translation>
    </message>
    <message>
        <source>Ballots cast</source>
        <translation>已投選票</translation>
    </message>
    <message>
        <source>Ballots per hour</source>
        <translation>每小時選票數</translation>
    </message>
    <message>
        <source>Ballots per kiosk</source>
        <translation>各投票機選票數</translation>
    </message>
    <message>
        <source>Could not read the turnout just now (%1); trying again shortly.</source>
        <translation>暫時無法讀取投票數（%1），稍後會再試。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>即時概況</translation>
    </message>
    <message>
        <source>Home desktops</source>
        <translation>居家電腦</translation>
    </message>
    <message>
        <source>In total</source>
        <translation>總計</translation>
    </message>
    <message>
        <source>No ballots yet</source>
        <translation>尚無選票</translation>
    </message>
    <message>
        <source>No election yet</source>
        <translation>尚未設定選舉</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>每小時</translation>
    </message>
    <message>
        <source>Per kiosk</source>
        <translation>各投票機</translation>
    </message>
    <message>
        <source>Polls: closed</source>
        <translation>投票：已結束</translation>
    </message>
    <message>
        <source>Polls: not open yet</source>
        <translation>投票：尚未開始</translation>
    </message>
    <message>
        <source>Polls: open</source>
        <translation>投票：進行中</translation>
    </message>
    <message>
        <source>The first hour is still running</source>
        <translation>第一個小時尚未結束</translation>
    </message>
    <message>
        <source>Turnout while the polls are open. Only totals are shown, never a single voter.</source>
        <translation>投票期間的投票數。只顯示總數，絕不顯示個別選民。</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>更新時間 %1</translation>
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
    <name>DistrictView</name>
    <message>
        <source>%1 ballots counted. Rule: %2.</source>
        <translation>已計入 %1 張選票。規則：%2。</translation>
    </message>
    <message>
        <source>Budget used: %1 of %2 (%3%), %4 left</source>
        <translation>已用預算：%1／%2（%3%），剩餘 %4</translation>
    </message>
    <message>
        <source>Cost (%1)</source>
        <translation>經費（%1）</translation>
    </message>
    <message>
        <source>Funded</source>
        <translation>獲選</translation>
    </message>
    <message>
        <source>Method of Equal Shares</source>
        <translation>均等份額法</translation>
    </message>
    <message>
        <source>No projects</source>
        <translation>沒有提案</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>點數</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票數</translation>
    </message>
    <message>
        <source>Votes per project in %1</source>
        <translation>%1 各提案票數</translation>
    </message>
    <message>
        <source>funded</source>
        <translation>獲選</translation>
    </message>
    <message>
        <source>most votes first, as long as the budget allows</source>
        <translation>依票數高低依序選入，直到預算用盡</translation>
    </message>
    <message>
        <source>not funded</source>
        <translation>未獲選</translation>
    </message>
</context>
<context>
    <name>EligibilityPage</name>
    <message>
        <source>%1 codes generated; %2 credentials added. Letters, cards and the mail-merge file are in %3 (readable only by you: they hold the codes).</source>
        <translation>已產生 %1 組投票碼，新增 %2 個公開憑證。通知信、投票卡與合併列印檔在 %3（只有您能讀取：其中含有投票碼）。</translation>
    </message>
    <message>
        <source>%1 letter pages sent to the printer.</source>
        <translation>已將 %1 頁通知信送到印表機。</translation>
    </message>
    <message>
        <source>%1 residents on the roll, %2 checked in</source>
        <translation>名冊上 %1 位居民，已報到 %2 位</translation>
    </message>
    <message>
        <source>%1 residents on the roll, stored as keyed hashes only. Keep the key file %2 safe: attendants need it to check residents in.</source>
        <translation>名冊上 %1 位居民，只以加鑰雜湊值保存。請妥善保管金鑰檔 %2：服務人員報到時需要它。</translation>
    </message>
    <message>
        <source>%1 voting codes issued</source>
        <translation>已發出 %1 組投票碼</translation>
    </message>
    <message>
        <source>A batch of voting codes</source>
        <translation>一批投票碼</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔（*.csv）</translation>
    </message>
    <message>
        <source>Choose the folder for this batch&apos;s files first.</source>
        <translation>請先選擇存放這批檔案的資料夾。</translation>
    </message>
    <message>
        <source>Choose the roll file and where to write its key first.</source>
        <translation>請先選擇名冊檔，以及金鑰檔要寫入的位置。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Drawing %1 codes and printing their letters…</source>
        <translation>正在產生 %1 組投票碼並製作通知信…</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>投票資格</translation>
    </message>
    <message>
        <source>Eligibility: voter roll</source>
        <translation>投票資格：選舉人名冊</translation>
    </message>
    <message>
        <source>Eligibility: voting codes</source>
        <translation>投票資格：投票碼</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>檔案存放資料夾</translation>
    </message>
    <message>
        <source>Folder for this batch of codes</source>
        <translation>這批投票碼的資料夾</translation>
    </message>
    <message>
        <source>Generate codes and letters</source>
        <translation>產生投票碼與通知信</translation>
    </message>
    <message>
        <source>Import roll</source>
        <translation>匯入名冊</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>金鑰檔（*.key）</translation>
    </message>
    <message>
        <source>No codes were generated.</source>
        <translation>沒有產生任何投票碼。</translation>
    </message>
    <message>
        <source>No election stored yet</source>
        <translation>尚未儲存投票案</translation>
    </message>
    <message>
        <source>Number of codes</source>
        <translation>投票碼數量</translation>
    </message>
    <message>
        <source>Print letters</source>
        <translation>列印通知信</translation>
    </message>
    <message>
        <source>Print this batch&apos;s letters</source>
        <translation>列印這批通知信</translation>
    </message>
    <message>
        <source>Roll file</source>
        <translation>名冊檔</translation>
    </message>
    <message>
        <source>Roll file (CSV: id, birth_date)</source>
        <translation>名冊檔（CSV：id、birth_date）</translation>
    </message>
    <message>
        <source>Roll key file to write</source>
        <translation>要寫入的名冊金鑰檔</translation>
    </message>
    <message>
        <source>Stores keyed hashes of the roll and seals its key</source>
        <translation>以加鑰雜湊值保存名冊，並封存其金鑰</translation>
    </message>
    <message>
        <source>The codes were not generated</source>
        <translation>投票碼未產生</translation>
    </message>
    <message>
        <source>The letters did not print</source>
        <translation>通知信未列印</translation>
    </message>
    <message>
        <source>The number of codes must be a whole number from 1 to 1,000,000.</source>
        <translation>投票碼數量必須是 1 到 1,000,000 之間的整數。</translation>
    </message>
    <message>
        <source>The roll was not imported</source>
        <translation>名冊未匯入</translation>
    </message>
    <message>
        <source>The voter roll</source>
        <translation>選舉人名冊</translation>
    </message>
    <message>
        <source>Where to write the roll key</source>
        <translation>名冊金鑰寫入位置</translation>
    </message>
    <message>
        <source>Who may vote. Codes and keys go only into the files you choose; this screen shows counts, never a code.</source>
        <translation>誰可以投票。投票碼與金鑰只寫入您選擇的檔案；本畫面只顯示數量，絕不顯示投票碼。</translation>
    </message>
    <message>
        <source>Writes codes.csv, letters.pdf and cards.pdf and publishes the credentials</source>
        <translation>寫入 codes.csv、letters.pdf 與 cards.pdf，並公布公開憑證</translation>
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
    <name>KiosksPage</name>
    <message>
        <source>Ballots so far</source>
        <translation>目前票數</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Creates the kiosk&apos;s key file and registers its public key</source>
        <translation>建立投票機的金鑰檔並登錄其公開金鑰</translation>
    </message>
    <message>
        <source>Each kiosk signs the ballots cast on it with its own device key. Ballots per kiosk are public on the bulletin board.</source>
        <translation>每台投票機以自己的裝置金鑰簽署在它上面投出的選票。各投票機的票數公開在公告板上。</translation>
    </message>
    <message>
        <source>From now on the ballot box refuses every ballot signed by kiosk %1. Ballots it cast before stay counted. This cannot be undone.</source>
        <translation>從現在起，票匭會拒收投票機 %1 簽署的每一張選票。先前投出的選票仍然計入。此動作無法復原。</translation>
    </message>
    <message>
        <source>Give the kiosk a name and choose where to write its key file.</source>
        <translation>請為投票機命名，並選擇金鑰檔的寫入位置。</translation>
    </message>
    <message>
        <source>Key file to write</source>
        <translation>要寫入的金鑰檔</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>金鑰檔（*.key）</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>金鑰指紋</translation>
    </message>
    <message>
        <source>Kiosk %1 registered (key %2). Its key file is %3: install it on the kiosk with --kiosk-key and keep the passphrase apart.</source>
        <translation>投票機 %1 已登錄（金鑰 %2）。金鑰檔為 %3：請以 --kiosk-key 安裝到投票機上，並將通關密語分開保管。</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>投票機名稱</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>投票機</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Register a kiosk</source>
        <translation>登錄投票機</translation>
    </message>
    <message>
        <source>Register kiosk</source>
        <translation>登錄投票機</translation>
    </message>
    <message>
        <source>Registered kiosks</source>
        <translation>已登錄的投票機</translation>
    </message>
    <message>
        <source>Revoke kiosk</source>
        <translation>撤銷投票機</translation>
    </message>
    <message>
        <source>Revoke selected kiosk…</source>
        <translation>撤銷選取的投票機…</translation>
    </message>
    <message>
        <source>Revoke this kiosk?</source>
        <translation>要撤銷這台投票機嗎？</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>The ballot box refuses this kiosk&apos;s ballots from now on</source>
        <translation>從現在起票匭拒收這台投票機的選票</translation>
    </message>
    <message>
        <source>The kiosk was not registered</source>
        <translation>投票機未登錄</translation>
    </message>
    <message>
        <source>The kiosk was not revoked</source>
        <translation>投票機未撤銷</translation>
    </message>
    <message>
        <source>Where to write the kiosk&apos;s key</source>
        <translation>投票機金鑰寫入位置</translation>
    </message>
    <message>
        <source>e.g. library-1</source>
        <translation>例如 library-1</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>已登錄</translation>
    </message>
    <message>
        <source>revoked at board entry %1</source>
        <translation>於公告板第 %1 筆撤銷</translation>
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
    <name>LockScreen</name>
    <message>
        <source>Attendants&apos; passphrase</source>
        <translation>工作人員通行密語</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <source>No attendants&apos; passphrase is set for this election: the officials must restart the kiosk.</source>
        <translation>本次選舉尚未設定工作人員通行密語：請選務人員重新啟動投票機。</translation>
    </message>
    <message>
        <source>Only for poll workers</source>
        <translation>僅供工作人員使用</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>通行密語不正確。</translation>
    </message>
    <message>
        <source>The ballot box could not be verified, so this kiosk takes no more ballots. Please ask a poll worker: they unlock it with the attendants&apos; passphrase after checking it.</source>
        <translation>無法驗證投票箱，因此這台投票機暫停受理選票。請洽現場工作人員：他們檢查後會以工作人員通行密語解除鎖定。</translation>
    </message>
    <message>
        <source>The ballot box could not be verified, so this program takes no more ballots. Please close it and contact the election officials.</source>
        <translation>無法驗證投票箱，因此本程式暫停受理選票。請關閉程式並聯絡選務人員。</translation>
    </message>
    <message>
        <source>This kiosk is stopped</source>
        <translation>這台投票機已停止</translation>
    </message>
    <message>
        <source>Too many wrong tries: wait five minutes, then try again.</source>
        <translation>錯誤次數過多：請等待五分鐘後再試。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除鎖定</translation>
    </message>
    <message>
        <source>Unlocks the kiosk for the next resident</source>
        <translation>解除鎖定，讓下一位居民使用</translation>
    </message>
</context>
<context>
    <name>ManifestForm</name>
    <message>
        <source>Add district</source>
        <translation>新增分區</translation>
    </message>
    <message>
        <source>Add project</source>
        <translation>新增提案</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>選擇圖片…</translation>
    </message>
    <message>
        <source>Choose the picture of the selected project</source>
        <translation>選擇所選提案的圖片</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>分區</translation>
    </message>
    <message>
        <source>Election</source>
        <translation>投票案</translation>
    </message>
    <message>
        <source>Manifest form</source>
        <translation>設定檔表單</translation>
    </message>
    <message>
        <source>Parts of the manifest</source>
        <translation>設定檔的各部分</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>圖片（*.png *.jpg *.jpeg *.svg）</translation>
    </message>
    <message>
        <source>Project picture</source>
        <translation>提案圖片</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Remove district</source>
        <translation>移除分區</translation>
    </message>
    <message>
        <source>Remove project</source>
        <translation>移除提案</translation>
    </message>
    <message>
        <source>Remove the selected district</source>
        <translation>移除所選分區</translation>
    </message>
    <message>
        <source>Remove the selected project</source>
        <translation>移除所選提案</translation>
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
    <name>ObserverTexts</name>
    <message>
        <source>A checked ballot</source>
        <translation>這是一張已檢查的選票</translation>
    </message>
    <message>
        <source>Ballot box key</source>
        <translation>投票箱金鑰</translation>
    </message>
    <message>
        <source>Ballots: signatures, proofs, one per voter</source>
        <translation>選票：簽章、證明、每位投票人一票</translation>
    </message>
    <message>
        <source>Bulletin board</source>
        <translation>公告欄</translation>
    </message>
    <message>
        <source>Bulletin board hash chain</source>
        <translation>公告欄雜湊鏈</translation>
    </message>
    <message>
        <source>Checked (spoiled) ballots</source>
        <translation>已檢查（作廢）的選票</translation>
    </message>
    <message>
        <source>Cryptography library self-test</source>
        <translation>密碼函式庫自我測試</translation>
    </message>
    <message>
        <source>Election fingerprint</source>
        <translation>選舉指紋碼</translation>
    </message>
    <message>
        <source>Encrypted tally</source>
        <translation>加密計票</translation>
    </message>
    <message>
        <source>Found and counted</source>
        <translation>已找到並已計入</translation>
    </message>
    <message>
        <source>Found on the board</source>
        <translation>已在公告欄上找到</translation>
    </message>
    <message>
        <source>Funded projects (outcome rule)</source>
        <translation>獲補助提案（結果規則）</translation>
    </message>
    <message>
        <source>Keep your receipt and contact the election officials and the observers. The verifier&apos;s reason is below.</source>
        <translation>請保留您的收據，並聯絡選務人員及觀察員。驗證程式說明的原因列在下方。</translation>
    </message>
    <message>
        <source>Kinds of board entries</source>
        <translation>公告欄項目的種類</translation>
    </message>
    <message>
        <source>NOT on the board</source>
        <translation>不在公告欄上</translation>
    </message>
    <message>
        <source>No ballots from revoked kiosks</source>
        <translation>沒有來自已撤銷投票機的選票</translation>
    </message>
    <message>
        <source>No encrypted choice reused</source>
        <translation>沒有重複使用的加密選項</translation>
    </message>
    <message>
        <source>Not a valid code</source>
        <translation>不是有效的代碼</translation>
    </message>
    <message>
        <source>Officials&apos; audit log</source>
        <translation>選務人員稽核紀錄</translation>
    </message>
    <message>
        <source>Opening and closing of the polls</source>
        <translation>開始與結束投票</translation>
    </message>
    <message>
        <source>Project pictures</source>
        <translation>提案圖片</translation>
    </message>
    <message>
        <source>Reading the record</source>
        <translation>讀取選舉紀錄</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收據</translation>
    </message>
    <message>
        <source>Registered kiosks</source>
        <translation>已登記的投票機</translation>
    </message>
    <message>
        <source>Signed head of the board</source>
        <translation>公告欄的簽章鏈頭</translation>
    </message>
    <message>
        <source>Signed results</source>
        <translation>已簽章的結果</translation>
    </message>
    <message>
        <source>This ballot is not in the published record. Keep your receipt and contact the election officials and the observers: every ballot with a receipt must be on the board.</source>
        <translation>這張選票不在公開的選舉紀錄中。請保留您的收據，並聯絡選務人員及觀察員：每張有收據的選票都必須在公告欄上。</translation>
    </message>
    <message>
        <source>This ballot is on the bulletin board at position %1 and is included in the verified tally.</source>
        <translation>這張選票在公告欄第 %1 號位置，並已計入經驗證的計票結果。</translation>
    </message>
    <message>
        <source>This ballot is on the bulletin board at position %1. No tally has been published yet: check again after the results.</source>
        <translation>這張選票在公告欄第 %1 號位置。目前尚未公布計票結果：請在結果公布後再查一次。</translation>
    </message>
    <message>
        <source>This is a ballot that was checked (spoiled) at position %1: it is published with its secrets and not counted. The ballot cast afterwards has a receipt of its own.</source>
        <translation>這是在第 %1 號位置、經過檢查（作廢）的選票：它連同祕密資料一起公開，不列入計票。之後投出的選票另有自己的收據。</translation>
    </message>
    <message>
        <source>This is not a valid tracking code, probably a typing mistake. Compare it with the receipt character by character and try again.</source>
        <translation>這不是有效的追蹤碼，可能是打字錯誤。請逐字與收據比對後再試一次。</translation>
    </message>
    <message>
        <source>This receipt does not check out</source>
        <translation>這張收據無法通過檢查</translation>
    </message>
    <message>
        <source>Trustees&apos; key ceremony</source>
        <translation>受託人金鑰儀式</translation>
    </message>
    <message>
        <source>Trustees&apos; partial decryptions</source>
        <translation>受託人的部分解密</translation>
    </message>
    <message>
        <source>Vote counts</source>
        <translation>得票數</translation>
    </message>
    <message>
        <source>Voter credentials</source>
        <translation>投票人憑證</translation>
    </message>
</context>
<context>
    <name>ObserverWindow</name>
    <message>
        <source>Election record (*.zip)</source>
        <translation>選舉紀錄 (*.zip)</translation>
    </message>
    <message>
        <source>Observer: verify an election record</source>
        <translation>觀察員：驗證選舉紀錄</translation>
    </message>
    <message>
        <source>Open election record</source>
        <translation>開啟選舉紀錄</translation>
    </message>
    <message>
        <source>Open election record folder</source>
        <translation>開啟選舉紀錄資料夾</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>圖片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Receipt photo or scan</source>
        <translation>收據照片或掃描檔</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>報告已儲存至 %1</translation>
    </message>
    <message>
        <source>Save verification report</source>
        <translation>儲存驗證報告</translation>
    </message>
    <message>
        <source>The record could not be verified: %1</source>
        <translation>無法驗證此紀錄：%1</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>無法儲存報告：%1</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>網頁 (*.html)</translation>
    </message>
</context>
<context>
    <name>OfficialsWindow</name>
    <message>
        <source>An action is still running. Lock the console when it has finished.</source>
        <translation>還有動作正在執行。請等它完成後再鎖定主控台。</translation>
    </message>
    <message>
        <source>Attendant</source>
        <translation>服務人員</translation>
    </message>
    <message>
        <source>Console pages</source>
        <translation>主控台頁面</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>指紋 %1</translation>
    </message>
    <message>
        <source>Load a manifest on the Setup page</source>
        <translation>請在「設定」頁面載入投票案設定檔</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>鎖定</translation>
    </message>
    <message>
        <source>Lock the console</source>
        <translation>鎖定主控台</translation>
    </message>
    <message>
        <source>No election set up yet</source>
        <translation>尚未設定投票案</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>選務人員</translation>
    </message>
    <message>
        <source>Polls: closed</source>
        <translation>投票：已結束</translation>
    </message>
    <message>
        <source>Polls: not open yet</source>
        <translation>投票：尚未開始</translation>
    </message>
    <message>
        <source>Polls: not set up</source>
        <translation>投票：尚未設定</translation>
    </message>
    <message>
        <source>Polls: open</source>
        <translation>投票：進行中</translation>
    </message>
    <message>
        <source>Show the console in this language</source>
        <translation>以這個語言顯示主控台</translation>
    </message>
    <message>
        <source>Sign out and return to the login; switching role needs a new login</source>
        <translation>登出並回到登入畫面；切換身分需要重新登入</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登入：%1</translation>
    </message>
    <message>
        <source>Still working</source>
        <translation>仍在執行中</translation>
    </message>
    <message>
        <source>pbvote: officials&apos; console</source>
        <translation>pbvote：選務主控台</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>Anyone can check the whole election from its published record alone: every ballot&apos;s signatures and proofs, the encrypted tally, the trustees&apos; decryptions and the results. Nothing here needs the officials&apos; computers or passwords.</source>
        <translation>任何人只要有公開的選舉紀錄，就能檢查整場選舉：每張選票的簽章與證明、加密計票、受託人的解密以及結果。這裡不需要選務人員的電腦或密碼。</translation>
    </message>
    <message>
        <source>Check an election record</source>
        <translation>檢查選舉紀錄</translation>
    </message>
    <message>
        <source>Choose the election record&apos;s .zip file to verify it</source>
        <translation>選擇選舉紀錄的 .zip 檔以進行驗證</translation>
    </message>
    <message>
        <source>Choose the election record&apos;s folder to verify it</source>
        <translation>選擇選舉紀錄的資料夾以進行驗證</translation>
    </message>
    <message>
        <source>Drop the record folder or its .zip here</source>
        <translation>將紀錄資料夾或其 .zip 檔拖放到這裡</translation>
    </message>
    <message>
        <source>Open record .zip…</source>
        <translation>開啟紀錄 .zip…</translation>
    </message>
    <message>
        <source>Open record folder</source>
        <translation>開啟紀錄資料夾</translation>
    </message>
    <message>
        <source>Open record folder…</source>
        <translation>開啟紀錄資料夾…</translation>
    </message>
    <message>
        <source>Open record zip file</source>
        <translation>開啟紀錄 zip 檔</translation>
    </message>
    <message>
        <source>Verification uses all %1 processor cores of this computer and can take a few minutes for a large election.</source>
        <translation>驗證會使用這台電腦全部 %1 個處理器核心；大型選舉可能需要幾分鐘。</translation>
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
    <name>PollsPage</name>
    <message>
        <source>Append the signed closing entry; no ballot is accepted after it</source>
        <translation>在公告板加上經簽章的結束紀錄；此後不再接受選票</translation>
    </message>
    <message>
        <source>Append the signed opening entry to the board</source>
        <translation>在公告板加上經簽章的開始紀錄</translation>
    </message>
    <message>
        <source>Ballots cast</source>
        <translation>已投選票</translation>
    </message>
    <message>
        <source>Ballots checked (spoiled)</source>
        <translation>已查核（作廢）選票</translation>
    </message>
    <message>
        <source>Board entries</source>
        <translation>公告板紀錄數</translation>
    </message>
    <message>
        <source>Board head: %1</source>
        <translation>公告板最新雜湊值：%1</translation>
    </message>
    <message>
        <source>Close polls</source>
        <translation>結束投票</translation>
    </message>
    <message>
        <source>Close the polls?</source>
        <translation>要結束投票嗎？</translation>
    </message>
    <message>
        <source>Folder for the polls report</source>
        <translation>投票報告的存放資料夾</translation>
    </message>
    <message>
        <source>No ballot is accepted after the close, and the polls can never be opened again.</source>
        <translation>結束後不再接受任何選票，投票也不能再重新開始。</translation>
    </message>
    <message>
        <source>No election yet</source>
        <translation>尚未設定選舉</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>目前狀態</translation>
    </message>
    <message>
        <source>Open or close</source>
        <translation>開始或結束</translation>
    </message>
    <message>
        <source>Open polls</source>
        <translation>開始投票</translation>
    </message>
    <message>
        <source>Open the polls when the election is ready; close them when voting ends. Each step is a signed entry on the bulletin board and gives a signed report.</source>
        <translation>選舉準備就緒後開始投票，投票時間結束時結束投票。每個步驟都是公告板上經簽章的紀錄，並產生一份經簽章的報告。</translation>
    </message>
    <message>
        <source>Open the polls?</source>
        <translation>要開始投票嗎？</translation>
    </message>
    <message>
        <source>Opening needs the key ceremony and, with voting codes, the codes generated.</source>
        <translation>開始投票前須完成金鑰儀式；若採用投票碼，也須先產生投票碼。</translation>
    </message>
    <message>
        <source>Passphrase of the ballot-box key</source>
        <translation>投票箱金鑰的密語</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Polls report</source>
        <translation>投票報告</translation>
    </message>
    <message>
        <source>Polls: closed</source>
        <translation>投票：已結束</translation>
    </message>
    <message>
        <source>Polls: not open yet</source>
        <translation>投票：尚未開始</translation>
    </message>
    <message>
        <source>Polls: open</source>
        <translation>投票：進行中</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>列印報告</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>報告已儲存</translation>
    </message>
    <message>
        <source>Report sent to the printer</source>
        <translation>報告已送往印表機</translation>
    </message>
    <message>
        <source>Residents are voting. Close the polls when voting time is over.</source>
        <translation>居民正在投票。投票時間結束時請結束投票。</translation>
    </message>
    <message>
        <source>Residents can vote from the moment the polls open. The list of voting codes is frozen.</source>
        <translation>開始投票後居民即可投票，投票碼名單隨即凍結。</translation>
    </message>
    <message>
        <source>Save report as PDF…</source>
        <translation>將報告存成 PDF…</translation>
    </message>
    <message>
        <source>Save the signed polls report</source>
        <translation>儲存經簽章的投票報告</translation>
    </message>
    <message>
        <source>Send the signed polls report to the printer</source>
        <translation>將經簽章的投票報告送往印表機</translation>
    </message>
    <message>
        <source>Set up the election first.</source>
        <translation>請先設定選舉。</translation>
    </message>
    <message>
        <source>Sign the printed report and post it.</source>
        <translation>請在印出的報告上簽名並公告。</translation>
    </message>
    <message>
        <source>Signed report of the %1 at %2: board entry %3, %4 ballots cast.</source>
        <translation>%2 %1的簽章報告：公告板紀錄 %3，已投 %4 張選票。</translation>
    </message>
    <message>
        <source>The polls are closed for good: they cannot be opened again. Go on to the tally.</source>
        <translation>投票已永久結束，不能再重新開始。請繼續開票。</translation>
    </message>
    <message>
        <source>The polls are closed.</source>
        <translation>投票已結束。</translation>
    </message>
    <message>
        <source>The polls are open.</source>
        <translation>投票已開始。</translation>
    </message>
    <message>
        <source>The polls were not closed</source>
        <translation>投票未結束</translation>
    </message>
    <message>
        <source>The polls were not opened</source>
        <translation>投票未開始</translation>
    </message>
    <message>
        <source>The report was not printed</source>
        <translation>報告未列印</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>報告未儲存</translation>
    </message>
    <message>
        <source>The signed polls report is ready: save it or print it, sign it and post it.</source>
        <translation>經簽章的投票報告已備妥：請儲存或列印，簽名後公告。</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>結束投票</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>開始投票</translation>
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
    <name>ProgressPage</name>
    <message>
        <source>%1 of %2 of the bulletin board checked (%3%)</source>
        <translation>公告欄已檢查 %1／%2（%3%）</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>約剩 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the verification</source>
        <translation>取消驗證</translation>
    </message>
    <message>
        <source>Estimating the time left…</source>
        <translation>正在估計剩餘時間…</translation>
    </message>
    <message>
        <source>Stops checking; nothing is changed</source>
        <translation>停止檢查；不會更動任何資料</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>驗證進度</translation>
    </message>
    <message>
        <source>Verifying the election record</source>
        <translation>正在驗證選舉紀錄</translation>
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
    <name>ReceiptDesk</name>
    <message>
        <source>The picture could not be read.</source>
        <translation>無法讀取這張圖片。</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Back to the report</source>
        <translation>回到報告</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Check a receipt</source>
        <translation>檢查收據</translation>
    </message>
    <message>
        <source>Check the tracking code</source>
        <translation>檢查追蹤碼</translation>
    </message>
    <message>
        <source>Load a photo or scan…</source>
        <translation>載入照片或掃描檔…</translation>
    </message>
    <message>
        <source>Load a receipt photo or scan</source>
        <translation>載入收據照片或掃描檔</translation>
    </message>
    <message>
        <source>Looks the code up on the record&apos;s bulletin board</source>
        <translation>在紀錄的公告欄上查詢這個代碼</translation>
    </message>
    <message>
        <source>No receipt found in the picture</source>
        <translation>圖片中找不到收據</translation>
    </message>
    <message>
        <source>Press Enter to check it</source>
        <translation>按 Enter 鍵進行檢查</translation>
    </message>
    <message>
        <source>Reading the picture…</source>
        <translation>正在讀取圖片…</translation>
    </message>
    <message>
        <source>Reads the QR code from a PNG or JPEG picture of the receipt</source>
        <translation>從收據的 PNG 或 JPEG 圖片讀取 QR 碼</translation>
    </message>
    <message>
        <source>Reads the QR code of a receipt held in front of the camera</source>
        <translation>讀取對準相機的收據 QR 碼</translation>
    </message>
    <message>
        <source>Shows the verification report</source>
        <translation>顯示驗證報告</translation>
    </message>
    <message>
        <source>Take a picture with the camera</source>
        <translation>用相機拍照</translation>
    </message>
    <message>
        <source>Tracking code or QR text</source>
        <translation>追蹤碼或 QR 碼文字</translation>
    </message>
    <message>
        <source>Try a sharper, well-lit picture with the whole QR code in it, or type the tracking code instead.</source>
        <translation>請改用更清晰、光線充足並拍到完整 QR 碼的圖片，或直接輸入追蹤碼。</translation>
    </message>
    <message>
        <source>Type the tracking code printed on the receipt (dashes and spaces do not matter), paste the text of its QR code, or load a photo or scan of the printed receipt.</source>
        <translation>請輸入收據上印的追蹤碼（連字號與空格不影響），貼上其 QR 碼的文字，或載入紙本收據的照片或掃描檔。</translation>
    </message>
    <message>
        <source>Use the camera…</source>
        <translation>使用相機…</translation>
    </message>
    <message>
        <source>e.g. 5GG9-SYKF-VG95-ZVFP-7GH4-X</source>
        <translation>例如 5GG9-SYKF-VG95-ZVFP-7GH4-X</translation>
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
    <name>ReportPage</name>
    <message>
        <source>%1 ballots · budget %2 %3 · used %4 · left %5</source>
        <translation>%1 張選票 · 預算 %2 %3 · 已用 %4 · 剩餘 %5</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed: %3. Any failed check makes the whole record invalid.</source>
        <translation>%2 項檢查中有 %1 項未通過：%3。任何一項未通過，整份紀錄即為無效。</translation>
    </message>
    <message>
        <source>(the election&apos;s name cannot be read)</source>
        <translation>（無法讀取選舉名稱）</translation>
    </message>
    <message>
        <source>All %1 checks hold: this record is a consistent, verified election.</source>
        <translation>全部 %1 項檢查皆通過：這份紀錄是一致且經過驗證的選舉。</translation>
    </message>
    <message>
        <source>Check a receipt</source>
        <translation>檢查收據</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>檢查項目</translation>
    </message>
    <message>
        <source>Election fingerprint %1 (full: %2)</source>
        <translation>選舉指紋碼 %1（完整：%2）</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>未通過</translation>
    </message>
    <message>
        <source>Funded</source>
        <translation>補助</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>無效（INVALID）</translation>
    </message>
    <message>
        <source>Looks up a ballot&apos;s tracking code or receipt photo in this record</source>
        <translation>在這份紀錄中查詢選票的追蹤碼或收據照片</translation>
    </message>
    <message>
        <source>NOT VERIFIED: these are the published results, but the checks that confirm them did not all pass. Do not rely on them.</source>
        <translation>未經驗證：這是公布的結果，但確認結果的檢查並未全部通過。請勿採信。</translation>
    </message>
    <message>
        <source>Open another record</source>
        <translation>開啟其他紀錄</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Record %1, checked at %2 by pbvote verify (%3).</source>
        <translation>紀錄 %1，於 %2 由 pbvote verify（%3）檢查。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Returns to the first page to choose another record</source>
        <translation>回到第一頁選擇其他紀錄</translation>
    </message>
    <message>
        <source>Save report (HTML)…</source>
        <translation>儲存報告（HTML）…</translation>
    </message>
    <message>
        <source>Save report as HTML</source>
        <translation>將報告儲存為 HTML</translation>
    </message>
    <message>
        <source>Saves the whole report as one web page to share or print</source>
        <translation>將整份報告存成一個網頁，方便分享或列印</translation>
    </message>
    <message>
        <source>The details are the verifier&apos;s own words, in English.</source>
        <translation>詳細說明為驗證程式的原文（英文）。</translation>
    </message>
    <message>
        <source>The election fingerprint cannot be computed: manifest.json is missing.</source>
        <translation>無法計算選舉指紋碼：缺少 manifest.json。</translation>
    </message>
    <message>
        <source>The record holds no results to show.</source>
        <translation>這份紀錄沒有可顯示的結果。</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>有效（VALID）</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票數</translation>
    </message>
    <message>
        <source>funded</source>
        <translation>獲補助</translation>
    </message>
    <message>
        <source>not funded</source>
        <translation>未獲補助</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 項</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Results: not computed yet</source>
        <translation>結果：尚未計算</translation>
    </message>
    <message>
        <source>Results: signed, from the decryptions of trustees %1</source>
        <translation>結果：已簽章，依據受託人 %1 的解密</translation>
    </message>
    <message>
        <source>The signed results, as the results report and the published record state them: votes per project, funded projects marked, and the budget used.</source>
        <translation>經簽章的結果，與結果報告及公告的選舉紀錄相同：各提案票數、標示獲選提案，以及已用預算。</translation>
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
    <name>SetupPage</name>
    <message>
        <source>Ballot preview (nothing is cast)</source>
        <translation>選票預覽（不會投出任何選票）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查結果</translation>
    </message>
    <message>
        <source>Choose the ballot-box key&apos;s passphrase. Officials need it to open and close the polls and to publish the record.</source>
        <translation>請設定票匭金鑰的通關密語。選務人員開始、結束投票及公布紀錄時都需要它。</translation>
    </message>
    <message>
        <source>Edit a manifest file (TOML)</source>
        <translation>編輯投票案設定檔（TOML）</translation>
    </message>
    <message>
        <source>Election manifests (*.toml)</source>
        <translation>投票案設定檔（*.toml）</translation>
    </message>
    <message>
        <source>Election setup</source>
        <translation>投票案設定</translation>
    </message>
    <message>
        <source>Export manifest…</source>
        <translation>匯出設定檔…</translation>
    </message>
    <message>
        <source>Import a pabulib file</source>
        <translation>匯入 pabulib 檔案</translation>
    </message>
    <message>
        <source>Import pabulib…</source>
        <translation>匯入 pabulib…</translation>
    </message>
    <message>
        <source>No election stored yet</source>
        <translation>尚未儲存投票案</translation>
    </message>
    <message>
        <source>Open a manifest</source>
        <translation>開啟設定檔</translation>
    </message>
    <message>
        <source>Open a manifest, import a pabulib file or start from the sample.</source>
        <translation>請開啟設定檔、匯入 pabulib 檔案，或從範例開始。</translation>
    </message>
    <message>
        <source>Open manifest…</source>
        <translation>開啟設定檔…</translation>
    </message>
    <message>
        <source>Open the ballot as residents will see it; nothing is cast</source>
        <translation>以居民看到的樣子開啟選票；不會投出任何選票</translation>
    </message>
    <message>
        <source>Preview ballot</source>
        <translation>預覽選票</translation>
    </message>
    <message>
        <source>Save election</source>
        <translation>儲存投票案</translation>
    </message>
    <message>
        <source>Save the manifest as</source>
        <translation>將設定檔另存為</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Start from a pabulib .pb file, as &apos;pbvote pabulib import&apos; does</source>
        <translation>從 pabulib .pb 檔開始，與「pbvote pabulib import」相同</translation>
    </message>
    <message>
        <source>Start from the bundled sample election</source>
        <translation>從內附的範例投票案開始</translation>
    </message>
    <message>
        <source>Start from the sample</source>
        <translation>從範例開始</translation>
    </message>
    <message>
        <source>Store this election in the database, as &apos;pbvote election init&apos; does</source>
        <translation>將投票案存入資料庫，與「pbvote election init」相同</translation>
    </message>
    <message>
        <source>Stored: %1 (%2)</source>
        <translation>已儲存：%1（%2）</translation>
    </message>
    <message>
        <source>The election was not saved</source>
        <translation>投票案未儲存</translation>
    </message>
    <message>
        <source>The manifest could not be read</source>
        <translation>無法讀取設定檔</translation>
    </message>
    <message>
        <source>The manifest was not written</source>
        <translation>設定檔未寫入</translation>
    </message>
    <message>
        <source>The manifest: texts in every language, districts with their budget and rules, and the projects. The check below is the one &apos;pbvote election validate&apos; makes.</source>
        <translation>投票案設定檔：各語言的文字、各分區的預算與規則，以及提案。右側的檢查與「pbvote election validate」完全相同。</translation>
    </message>
    <message>
        <source>The pabulib file could not be imported</source>
        <translation>無法匯入 pabulib 檔案</translation>
    </message>
    <message>
        <source>Valid. Election %1, %2 projects in %3 district(s). Fingerprint %4.</source>
        <translation>有效。投票案 %1，%3 個分區共 %2 項提案。指紋 %4。</translation>
    </message>
    <message>
        <source>Write the manifest as a TOML file</source>
        <translation>將設定檔寫成 TOML 檔案</translation>
    </message>
    <message>
        <source>pabulib files (*.pb)</source>
        <translation>pabulib 檔案（*.pb）</translation>
    </message>
    <message>
        <source>stored manifest</source>
        <translation>已儲存的設定檔</translation>
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
    <name>TallyPage</name>
    <message>
        <source>%1 was not used. The next trustee may try.</source>
        <translation>未使用 %1。請下一位受託人嘗試。</translation>
    </message>
    <message>
        <source>1. Trustees decrypt</source>
        <translation>1. 受託人解密</translation>
    </message>
    <message>
        <source>2. Compute and sign the results</source>
        <translation>2. 計算並簽署結果</translation>
    </message>
    <message>
        <source>3. Publish the election record</source>
        <translation>3. 公告選舉紀錄</translation>
    </message>
    <message>
        <source>After the close: enough trustees decrypt the totals, one after another; the results are computed and signed; then the election record is published.</source>
        <translation>投票結束後：足夠人數的受託人依序解密總數；接著計算並簽署結果；最後公告選舉紀錄。</translation>
    </message>
    <message>
        <source>Asks for your passphrase, then decrypts your part of the totals</source>
        <translation>詢問您的密語，然後解密您負責的部分總數</translation>
    </message>
    <message>
        <source>Choose the record folder</source>
        <translation>選擇紀錄資料夾</translation>
    </message>
    <message>
        <source>Choose with a file dialog</source>
        <translation>用檔案對話框選擇</translation>
    </message>
    <message>
        <source>Choose your share file</source>
        <translation>選擇您的金鑰分片檔</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Combines the partial decryptions and signs the results</source>
        <translation>合併各部分解密並簽署結果</translation>
    </message>
    <message>
        <source>Compute and sign results</source>
        <translation>計算並簽署結果</translation>
    </message>
    <message>
        <source>Computing the results…</source>
        <translation>正在計算結果…</translation>
    </message>
    <message>
        <source>Decrypt my part</source>
        <translation>解密我的部分</translation>
    </message>
    <message>
        <source>Decrypting with %1…</source>
        <translation>正在以 %1 解密…</translation>
    </message>
    <message>
        <source>Election record published</source>
        <translation>選舉紀錄已公告</translation>
    </message>
    <message>
        <source>Folder for the election record</source>
        <translation>選舉紀錄的存放資料夾</translation>
    </message>
    <message>
        <source>Needs enough partial decryptions and the ballot-box key&apos;s passphrase.</source>
        <translation>需要足夠的部分解密，以及投票箱金鑰的密語。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>目前狀態</translation>
    </message>
    <message>
        <source>Passphrase of the ballot-box key</source>
        <translation>投票箱金鑰的密語</translation>
    </message>
    <message>
        <source>Passphrase of the share file %1</source>
        <translation>金鑰分片檔 %1 的密語</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Published in %1.</source>
        <translation>已公告於 %1。</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>已公告。</translation>
    </message>
    <message>
        <source>Publishing into %1…</source>
        <translation>正在公告至 %1…</translation>
    </message>
    <message>
        <source>Record folder</source>
        <translation>紀錄資料夾</translation>
    </message>
    <message>
        <source>Results computed and signed.</source>
        <translation>結果已計算並簽署。</translation>
    </message>
    <message>
        <source>Results signed</source>
        <translation>結果已簽署</translation>
    </message>
    <message>
        <source>Results signed by the ballot box from the decryptions of trustees %1.</source>
        <translation>投票箱已依據受託人 %1 的解密簽署結果。</translation>
    </message>
    <message>
        <source>Results: signed</source>
        <translation>結果：已簽署</translation>
    </message>
    <message>
        <source>Share file</source>
        <translation>金鑰分片檔</translation>
    </message>
    <message>
        <source>Share files (*.share)</source>
        <translation>金鑰分片檔 (*.share)</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>開票</translation>
    </message>
    <message>
        <source>Tally: %1 of %2 partial decryptions</source>
        <translation>開票：部分解密 %1／%2</translation>
    </message>
    <message>
        <source>Tally: waiting for the polls to close</source>
        <translation>開票：等待投票結束</translation>
    </message>
    <message>
        <source>The election record was not published</source>
        <translation>選舉紀錄未公告</translation>
    </message>
    <message>
        <source>The polls are closed: the trustees can decrypt.</source>
        <translation>投票已結束：受託人可以解密。</translation>
    </message>
    <message>
        <source>The polls must be closed before anything can be decrypted.</source>
        <translation>必須先結束投票，才能解密。</translation>
    </message>
    <message>
        <source>The record was not published.</source>
        <translation>紀錄未公告。</translation>
    </message>
    <message>
        <source>The results are signed and stored. See them on the Results page, then publish the election record.</source>
        <translation>結果已簽署並儲存。請在「結果」頁查看，然後公告選舉紀錄。</translation>
    </message>
    <message>
        <source>The results were not computed</source>
        <translation>結果未計算</translation>
    </message>
    <message>
        <source>The results were not computed.</source>
        <translation>結果未計算。</translation>
    </message>
    <message>
        <source>The share file %1 was not used</source>
        <translation>未使用金鑰分片檔 %1</translation>
    </message>
    <message>
        <source>Trustee %1&apos;s partial decryption is stored. Next trustee, please.</source>
        <translation>受託人 %1 的部分解密已儲存。請下一位受託人。</translation>
    </message>
    <message>
        <source>Trustee by trustee: choose your share file and press the button; you will be asked for your passphrase. Done so far: %1 (any %2 of %3 needed).</source>
        <translation>受託人依序操作：選擇您的金鑰分片檔並按下按鈕，系統會詢問您的密語。目前已完成：%1（%3 位中需任 %2 位）。</translation>
    </message>
    <message>
        <source>Writes the record observers verify with &apos;pbvote verify&apos;, its zip, the results report in each language and the results as CSV.</source>
        <translation>寫出觀察員以 &apos;pbvote verify&apos; 查核的紀錄、其 zip 檔、各語言的結果報告，以及 CSV 格式的結果。</translation>
    </message>
    <message>
        <source>Writes the record, its zip, the results report and CSV into the folder</source>
        <translation>將紀錄、zip 檔、結果報告與 CSV 寫入資料夾</translation>
    </message>
    <message>
        <source>Your share file</source>
        <translation>您的金鑰分片檔</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚無</translation>
    </message>
    <message>
        <source>your trustee-N.share file</source>
        <translation>您的 trustee-N.share 檔</translation>
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
    <name>TrusteesPage</name>
    <message>
        <source>%1 trustees; any %2 of them together can decrypt the totals.</source>
        <translation>共 %1 位受託人；其中任 %2 位合作即可解密總數。</translation>
    </message>
    <message>
        <source>Ceremony complete. Joint election key: %1</source>
        <translation>儀式完成。選舉共同金鑰：%1</translation>
    </message>
    <message>
        <source>Ceremony: done</source>
        <translation>金鑰儀式：已完成</translation>
    </message>
    <message>
        <source>Ceremony: not done yet</source>
        <translation>金鑰儀式：尚未進行</translation>
    </message>
    <message>
        <source>Choose with a file dialog</source>
        <translation>用檔案對話框選擇</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Folder for the share files</source>
        <translation>金鑰分片檔的存放資料夾</translation>
    </message>
    <message>
        <source>Joint election key: %1. The election has its key: a second ceremony is refused.</source>
        <translation>選舉共同金鑰：%1。本選舉已有金鑰，不接受第二次儀式。</translation>
    </message>
    <message>
        <source>Joint election key: %1. The transcript is stored in the election and saved as %2. Each trustee now takes their own share file.</source>
        <translation>選舉共同金鑰：%1。儀式紀錄已存入選舉，並儲存為 %2。請每位受託人取走自己的金鑰分片檔。</translation>
    </message>
    <message>
        <source>Keep this trustee&apos;s choices and go on</source>
        <translation>保留這位受託人的設定並繼續</translation>
    </message>
    <message>
        <source>Key ceremony</source>
        <translation>金鑰儀式</translation>
    </message>
    <message>
        <source>Key ceremony complete</source>
        <translation>金鑰儀式完成</translation>
    </message>
    <message>
        <source>Next trustee</source>
        <translation>下一位受託人</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <source>Running the key ceremony…</source>
        <translation>正在進行金鑰儀式…</translation>
    </message>
    <message>
        <source>Seal my part and run the ceremony</source>
        <translation>封存我的部分並進行儀式</translation>
    </message>
    <message>
        <source>Set up the election first.</source>
        <translation>請先設定選舉。</translation>
    </message>
    <message>
        <source>Share files (*.share)</source>
        <translation>金鑰分片檔 (*.share)</translation>
    </message>
    <message>
        <source>The ceremony did not complete; nothing was kept.</source>
        <translation>儀式未完成；未保留任何資料。</translation>
    </message>
    <message>
        <source>The key ceremony did not complete</source>
        <translation>金鑰儀式未完成</translation>
    </message>
    <message>
        <source>The trustees create the election key together. Each keeps a share of it, sealed by their own passphrase; any threshold of them can later decrypt the totals.</source>
        <translation>受託人共同產生選舉金鑰。每人保管一份以自己密語封存的金鑰分片；日後達門檻人數的受託人即可解密總數。</translation>
    </message>
    <message>
        <source>This trustee&apos;s share file</source>
        <translation>這位受託人的金鑰分片檔</translation>
    </message>
    <message>
        <source>Trustee %1 of %2</source>
        <translation>受託人 %1／%2</translation>
    </message>
    <message>
        <source>Trustee %1 of %2 is ready.</source>
        <translation>受託人 %1／%2 已就緒。</translation>
    </message>
    <message>
        <source>Trustee %1: type your name, check where your share file goes, and choose your passphrase (typed twice, never shown). Then hand over to the next trustee.</source>
        <translation>受託人 %1：請輸入姓名，確認金鑰分片檔的存放位置，並設定密語（輸入兩次，不會顯示）。然後交給下一位受託人。</translation>
    </message>
    <message>
        <source>Trustee&apos;s name</source>
        <translation>受託人姓名</translation>
    </message>
    <message>
        <source>Trustees</source>
        <translation>受託人</translation>
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
