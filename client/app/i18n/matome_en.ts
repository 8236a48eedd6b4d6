<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>CommentThread</name>
    <message>
        <location filename="../qml/CommentThread.qml" line="15"/>
        <location filename="../qml/CommentThread.qml" line="57"/>
        <source>コメント</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../qml/CommentThread.qml" line="18"/>
        <source>まだコメントはありません。</source>
        <translation>No comments yet.</translation>
    </message>
    <message>
        <location filename="../qml/CommentThread.qml" line="47"/>
        <source>送信できませんでした: %1</source>
        <translation>Could not send: %1</translation>
    </message>
    <message>
        <location filename="../qml/CommentThread.qml" line="59"/>
        <source>質問や連絡を書く（Enter で送信）</source>
        <translation>Write a question or a note (Enter sends)</translation>
    </message>
    <message>
        <location filename="../qml/CommentThread.qml" line="64"/>
        <source>送信</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="43"/>
        <source>競合 %1件</source>
        <translation>%1 conflict(s)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="51"/>
        <source>競合はありません。同じ項目を別の端末で同時に変更すると、ここに表示されます。</source>
        <translation>No conflicts. When the same field is changed on two machines at once, it shows here.</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="92"/>
        <source>&#x3000;（解決を送信待ち）</source>
        <translation> (resolution waiting to be sent)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="23"/>
        <location filename="../qml/ConflictsPage.qml" line="188"/>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="124"/>
        <source>%1 が %2 に送った値が、サーバーで先に変更された値とぶつかりました。どちらも失われていません。</source>
        <translation>The value %1 sent at %2 met a value changed on the server first. Neither is lost.</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="125"/>
        <source>あなた</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="132"/>
        <source>この事業を開く</source>
        <translation>Open this row</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="141"/>
        <source>元の値（共通の基準）</source>
        <translation>Original (common base)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="142"/>
        <source>こちらの値</source>
        <translation>This side</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="144"/>
        <source>サーバーの値（%1、%2）</source>
        <translation>Server value (%1, %2)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="145"/>
        <source>サーバーの値</source>
        <translation>Server&apos;s value</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="179"/>
        <source>まとめた値（ここで編集して「この値にする」）</source>
        <translation>Merged value (edit here, then “Use this value”)</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="189"/>
        <source>まとめた値</source>
        <translation>Merged value</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="224"/>
        <source>解決を次の同期で送ります。</source>
        <translation>The resolution goes with the next sync.</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="227"/>
        <source>取り消す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="206"/>
        <source>こちらの値を採用</source>
        <translation>Take this side</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="211"/>
        <source>サーバーの値を採用</source>
        <translation>Take the server&apos;s</translation>
    </message>
    <message>
        <location filename="../qml/ConflictsPage.qml" line="216"/>
        <source>この値にする</source>
        <translation>Use this value</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../qml/DashboardPage.qml" line="28"/>
        <source>担当課</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="29"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="30"/>
        <source>作成中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="31"/>
        <source>提出済</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="32"/>
        <source>差戻し</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="33"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="34"/>
        <source>計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="35"/>
        <source>完了率</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="36"/>
        <source>期限超過</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="50"/>
        <source>%1の進捗</source>
        <translation>Progress %1</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="53"/>
        <source>確定 %1 / %2 件（%3%）</source>
        <translation>Accepted %1 / %2 (%3%)</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="56"/>
        <source>提出期限 %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="56"/>
        <source>提出期限は未設定</source>
        <translation>No due date set</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="60"/>
        <source>確定済みの年度</source>
        <translation>Year finalized</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="85"/>
        <source>担当課ごとの進捗（Enter で提出済の報告を開く）</source>
        <translation>Progress by department (Enter opens its submitted reports)</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="146"/>
        <source>未提出の担当課</source>
        <translation>Still to submit</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="159"/>
        <source>催促用にコピー</source>
        <translation>Copy as reminder</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="162"/>
        <source>クリップボードにコピーしました。</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="165"/>
        <source>CSV に書き出し</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="174"/>
        <source>提出期限（R7.5.31、令和7年5月31日）</source>
        <translation>Due date (R7.5.31, 令和7年5月31日, 2025-05-31)</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="177"/>
        <source>提出期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="240"/>
        <source>確定する</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="244"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="180"/>
        <source>期限を設定</source>
        <translation>Set due date</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="194"/>
        <source>%1を確定する</source>
        <translation>Finalize %1</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="204"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="215"/>
        <source>年度の確定</source>
        <translation>Finalize the year</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="227"/>
        <source>まだ確定していない報告が %1 件あります: %2</source>
        <translation>%1 reports are not accepted yet: %2</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="229"/>
        <source>すべての報告が確定しています。</source>
        <translation>Every report is accepted.</translation>
    </message>
    <message>
        <location filename="../qml/DashboardPage.qml" line="234"/>
        <source>%1を確定すると、すべての担当課と取りまとめ担当がこの年度を変更できなくなります。サーバーに接続している必要があります。</source>
        <translation>Once %1 is finalized, no department or coordinator can change it. This needs a connection to the server.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../qml/EntryForm.qml" line="103"/>
        <source>左の一覧から事業を選んでください（Ctrl+↓ で次の事業）</source>
        <translation>Choose a row on the left (Ctrl+↓ for the next row)</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="146"/>
        <source>「%1」送信待ち</source>
        <translation>&quot;%1&quot; waiting to be sent</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="172"/>
        <source>複数の課の共有事業です。%1の報告を記入します。</source>
        <translation>A row shared by several departments. You are filling in %1&apos;s part.</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="192"/>
        <source>差戻しの理由: %1</source>
        <translation>Returned because: %1</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="206"/>
        <source>確認モード: 担当課の内容は読むだけです。確定か差戻しで返してください。</source>
        <translation>Review: the department’s text is read only. Answer with Accept or Return.</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="211"/>
        <source>担当課の内容を編集する</source>
        <translation>Edit the department’s text</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="214"/>
        <source>編集することを担当課へのコメントに残します。</source>
        <translation>Leaves a comment for the department that you are editing.</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="242"/>
        <source>前年度の内容をコピー</source>
        <translation>Copy last year&apos;s entry</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="248"/>
        <source>コピーを元に戻す</source>
        <translation>Undo the copy</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="254"/>
        <source>前回確定からの変更</source>
        <translation>Changes since accepted</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="260"/>
        <source>閲覧のみ</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="290"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="301"/>
        <source>入力してください</source>
        <translation>Type here</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="301"/>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="359"/>
        <source>差戻しの理由</source>
        <translation>Reason for returning</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="359"/>
        <source>課内差戻しの理由</source>
        <translation>Reason for sending back</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="382"/>
        <source>担当課に伝える理由（必須）</source>
        <translation>Reason for the department (required)</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="398"/>
        <source>理由を書いてください。担当課には、この理由が差戻しと一緒に届きます。</source>
        <translation>Write the reason: the department receives it with the return.</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="412"/>
        <source>差戻す</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="412"/>
        <source>課内で差戻す</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="416"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../qml/EntryForm.qml" line="419"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../qml/FieldEditor.qml" line="69"/>
        <source>必須</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="72"/>
        <source>計画の項目（取りまとめ担当が設定）</source>
        <translation>Plan field (set by the coordinator)</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="76"/>
        <source>● 未送信</source>
        <translation>● Not sent</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="77"/>
        <source>競合あり</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="80"/>
        <source>競合を見る</source>
        <translation>See the conflict</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="88"/>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="89"/>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="95"/>
        <source>履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="97"/>
        <source>「%1」の変更履歴</source>
        <translation>History of “%1”</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="100"/>
        <source>誰がいつ変更したか（サーバーに接続が必要）</source>
        <translation>Who changed it and when (needs the server)</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="131"/>
        <source>前年度: %1</source>
        <translation>Last year: %1</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="147"/>
        <source>入力中に、この欄の値がサーバーで変わりました: 「%1」。このまま送ると、同期のあと競合として両方の値が残ります。</source>
        <translation>While you were typing, this field changed on the server: “%1”. If you send yours as it is, both values are kept as a conflict after the sync.</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="148"/>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="153"/>
        <source>サーバーの値にする</source>
        <translation>Use the server’s value</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="168"/>
        <source>サーバーが受け付けませんでした: %1</source>
        <translation>The server refused it: %1</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="172"/>
        <source>この変更を取り消す</source>
        <translation>Discard this change</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="192"/>
        <source>入力してください</source>
        <translation>Type here</translation>
    </message>
    <message>
        <location filename="../qml/FieldEditor.qml" line="285"/>
        <source>選択を外す</source>
        <translation>Clear the choice</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../qml/HistoryDialog.qml" line="11"/>
        <source>「%1」の変更履歴</source>
        <translation>History of &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../qml/HistoryDialog.qml" line="36"/>
        <source>変更の記録はまだありません。</source>
        <translation>No changes recorded yet.</translation>
    </message>
    <message>
        <location filename="../qml/HistoryDialog.qml" line="54"/>
        <source>%1&#x3000;%2（端末 %3）</source>
        <translation>%1  %2 (device %3)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../qml/ImportPage.qml" line="20"/>
        <source>取り込む報告書</source>
        <translation>Report to import</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="21"/>
        <source>表 (*.xlsx *.csv *.tsv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="21"/>
        <source>すべてのファイル (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="27"/>
        <source>対応表ファイル</source>
        <translation>Mapping file</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="28"/>
        <source>対応表 (*.json)</source>
        <translation>Mappings (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="36"/>
        <source>報告書の取り込み</source>
        <translation>Import a report</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="38"/>
        <source>いまの報告書（XLSX、CSV、TSV）から計画・担当課・値を取り込みます。まず「確かめる」で、作られるものと問題の一覧を見てください。何も書き込みません。</source>
        <translation>Imports the plan, departments and values from the report you have (XLSX, CSV, TSV). First “Check” shows what would be created and every problem. It writes nothing.</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="49"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="55"/>
        <source>選んでいません</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="60"/>
        <source>ファイルを選ぶ…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="64"/>
        <location filename="../qml/ImportPage.qml" line="77"/>
        <source>様式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="69"/>
        <source>対応表ファイルを使う…</source>
        <translation>Use a mapping file…</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="84"/>
        <location filename="../qml/ImportPage.qml" line="96"/>
        <source>文字コード</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="91"/>
        <source>自動判定</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="92"/>
        <source>Shift_JIS（Excel の CSV）</source>
        <translation>Shift_JIS (Excel&apos;s CSV)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="93"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="98"/>
        <source>CSV・TSV のとき</source>
        <translation>for CSV and TSV</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="105"/>
        <source>確かめる（書き込みません）</source>
        <translation>Check (writes nothing)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="111"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="143"/>
        <source>確かめると、作られる階層・行・担当課・値の数がここに出ます。</source>
        <translation>After a check, the levels, rows, departments and values that would be created show here.</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="153"/>
        <source>問題 %1 件（エラー %2、注意 %3）</source>
        <translation>%1 problem(s) (%2 error(s), %3 warning(s))</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="155"/>
        <source>問題</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="22"/>
        <source>%1 — Matome</source>
        <translation>%1 — Matome</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="67"/>
        <source>%1 報告</source>
        <translation>%1 report</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="68"/>
        <source>（確定済）</source>
        <translation> (finalized)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="74"/>
        <source>作業</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="81"/>
        <source>競合 %1件</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="82"/>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="88"/>
        <source>取りまとめ</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="95"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="102"/>
        <source>報告書</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="111"/>
        <source>キーボード操作 (F1)</source>
        <translation>Keyboard (F1)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="116"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="143"/>
        <source>計画を受信しています…</source>
        <translation>Receiving the plan…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="144"/>
        <source>サーバーに接続できません。接続できる場所で同期するか、ファイルで取り込んでください。</source>
        <translation>Cannot reach the server. Sync where it can be reached, or import a file.</translation>
    </message>
</context>
<context>
    <name>Matome::CommentListModel</name>
    <message>
        <location filename="../commentlistmodel.cpp" line="51"/>
        <source>未送信</source>
        <translation>Not sent</translation>
    </message>
</context>
<context>
    <name>Matome::ConflictListModel</name>
    <message>
        <location filename="../conflictlistmodel.cpp" line="181"/>
        <source>解決はもう送信されたため、取り消せません。</source>
        <translation>The resolution has been sent already and cannot be undone.</translation>
    </message>
</context>
<context>
    <name>Matome::DashboardModel</name>
    <message>
        <location filename="../dashboardmodel.cpp" line="140"/>
        <source>%1の進捗状況報告について、次の担当課の提出が済んでいません。</source>
        <translation>For the %1 progress report, these departments have not submitted yet.</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="141"/>
        <source>（提出期限: %1）</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="145"/>
        <source>・%1&#x3000;未提出 %2件（全%3件）
</source>
        <translation>- %1: %2 not submitted (of %3)
</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="160"/>
        <source>%1 に書き込めません: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="164"/>
        <source>担当課,未着手,作成中,課内確認中,提出済,差戻し,確定,計,完了率(%),期限超過
</source>
        <translation>Department,Not started,Draft,Checking,Submitted,Returned,Accepted,Total,Complete (%),Overdue
</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="173"/>
        <source>書き出しました: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="215"/>
        <source>期限を設定できません: %1</source>
        <translation>Cannot set the due date: %1</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="219"/>
        <source>提出期限を %1 にしました。</source>
        <translation>Due date set to %1.</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="229"/>
        <source>%1 %2件</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="231"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="241"/>
        <source>%1を確定しました。</source>
        <translation>%1 is finalized.</translation>
    </message>
    <message>
        <location filename="../dashboardmodel.cpp" line="242"/>
        <source>確定できません: %1</source>
        <translation>Cannot finalize: %1</translation>
    </message>
</context>
<context>
    <name>Matome::EntryController</name>
    <message>
        <location filename="../entrycontroller.cpp" line="73"/>
        <source>提出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="74"/>
        <source>課内承認</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="75"/>
        <source>課内差戻し</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="76"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="77"/>
        <source>差戻し</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="78"/>
        <source>確定の取消</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="83"/>
        <source>提出する</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="84"/>
        <source>課内承認する</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="85"/>
        <source>課内で差戻す…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="86"/>
        <source>確定する</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="87"/>
        <source>差戻す…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="88"/>
        <source>確定を取り消す</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="125"/>
        <source>確認中の報告です。担当課の内容を直すときは「担当課の内容を編集する」を押してください。</source>
        <translation>This report is in review. To change the department’s text, press “Edit the department’s text”.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="171"/>
        <location filename="../entrycontroller.cpp" line="266"/>
        <source>保存できません: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="200"/>
        <source>前年度の内容を%1項目コピーしました。入力済みの項目はそのままです。</source>
        <translation>Copied %1 field(s) from last year. Fields already filled in were kept.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="201"/>
        <source>コピーできる前年度の内容はありません（空欄の項目だけにコピーします）。</source>
        <translation>Nothing to copy from last year (only empty fields are filled).</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="211"/>
        <source>取りまとめ担当（%1）がこの報告の内容を編集します。</source>
        <translation>The coordinator (%1) is editing this report.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="219"/>
        <source>編集できます。変更は担当課にも見え、履歴に残ります。</source>
        <translation>You can edit now. The department sees the changes, and the history keeps them.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="243"/>
        <source>前年度からのコピーを%1項目元に戻しました。</source>
        <translation>Took back %1 fields copied from last year.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="324"/>
        <source>「%1」を記録しました。次の同期でサーバーに送られます。</source>
        <translation>&quot;%1&quot; recorded. It goes to the server with the next sync.</translation>
    </message>
    <message>
        <location filename="../entrycontroller.cpp" line="415"/>
        <source>「%1」はサーバーに受け付けられませんでした: %2</source>
        <translation>The server refused &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>Matome::HistoryModel</name>
    <message>
        <location filename="../historymodel.cpp" line="57"/>
        <source>履歴はサーバーにあります。接続できるときに表示できます（%1）</source>
        <translation>The history is on the server; it shows when the server can be reached (%1)</translation>
    </message>
</context>
<context>
    <name>Matome::ImportModel</name>
    <message>
        <location filename="../importmodel.cpp" line="32"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="32"/>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="62"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="140"/>
        <source>取り込むファイルを選んでください。</source>
        <translation>Choose a file to import.</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="144"/>
        <source>様式を選ぶか、対応表ファイルを選んでください。</source>
        <translation>Choose a layout or a mapping file.</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="154"/>
        <source>確かめています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="206"/>
        <source>エラーが %1 件あります。ファイルか対応表を直してから、もう一度確かめてください。</source>
        <translation>%1 error(s). Fix the file or the mapping, then check again.</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="210"/>
        <source>取り込めます（注意 %1 件）。「取り込む」でサーバーに送ります。</source>
        <translation>Ready to import (%1 warning(s)). “Import” sends it to the server.</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="217"/>
        <source>サーバーで取り込んでいます…</source>
        <translation>Importing at the server…</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="224"/>
        <source>取り込めませんでした: %1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="231"/>
        <source>サーバーの答えが読めません。</source>
        <translation>The server&apos;s answer cannot be read.</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="237"/>
        <source>更新しました: 新しい行 %1、書き込んだ値 %2</source>
        <translation>Updated: %1 new row(s), %2 value(s) written</translation>
    </message>
    <message>
        <location filename="../importmodel.cpp" line="238"/>
        <source>取り込みました: 行 %1、値 %2</source>
        <translation>Imported: %1 row(s), %2 value(s)</translation>
    </message>
</context>
<context>
    <name>Matome::ReportModel</name>
    <message>
        <location filename="../reportmodel.cpp" line="173"/>
        <location filename="../reportmodel.cpp" line="242"/>
        <source>計画がまだありません。</source>
        <translation>No plan yet.</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="154"/>
        <source>計画のレイアウト</source>
        <translation>The plan&apos;s layout</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="155"/>
        <source>標準</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="258"/>
        <source>書き出しています…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="269"/>
        <source>書き出せませんでした: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="272"/>
        <source>書き出しました: %1（%2）</source>
        <translation>Exported: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Matome::ReviewModel</name>
    <message>
        <location filename="../reviewmodel.cpp" line="82"/>
        <source>この報告はまだ確定されたことがありません。</source>
        <translation>This entry has never been accepted.</translation>
    </message>
    <message>
        <location filename="../reviewmodel.cpp" line="109"/>
        <source>確定時の内容はサーバーにあります。接続できるときに表示できます（%1）</source>
        <translation>The accepted version is on the server; it shows when the server can be reached (%1)</translation>
    </message>
</context>
<context>
    <name>Matome::Session</name>
    <message>
        <location filename="../session.cpp" line="125"/>
        <source>サーバーのアドレス、ユーザー名、パスワードを入力してください。</source>
        <translation>Enter the server address, user name and password.</translation>
    </message>
    <message>
        <location filename="../session.cpp" line="147"/>
        <source>このサーバーには計画がありません。管理者に確認してください。</source>
        <translation>This server has no plan. Ask the administrator.</translation>
    </message>
</context>
<context>
    <name>Matome::Status</name>
    <message>
        <location filename="../statuslabel.cpp" line="11"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../statuslabel.cpp" line="13"/>
        <source>作成中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../statuslabel.cpp" line="15"/>
        <source>課内確認中</source>
        <translation>In department check</translation>
    </message>
    <message>
        <location filename="../statuslabel.cpp" line="17"/>
        <source>提出済</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../statuslabel.cpp" line="19"/>
        <source>差戻し</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../statuslabel.cpp" line="21"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
</context>
<context>
    <name>Matome::SyncController</name>
    <message>
        <location filename="../synccontroller.cpp" line="59"/>
        <source>端末の鍵が見つかりません。もう一度サインインしてください。</source>
        <translation>This device&apos;s key is missing. Sign in again.</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="73"/>
        <source>サーバーが以前の状態に戻されていたため、全体を受け取り直し、あなたの値%1件を送り直しました。競合があれば「競合」で確認してください。</source>
        <translation>The server had been restored to an earlier state: everything was received again and %1 of your values were sent again. Check Conflicts for any conflicts.</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="77"/>
        <source>所属または役割がサーバーで変わったため、見られる内容を受け取り直しました。</source>
        <translation>Your department or role changed on the server: what you may see was received again.</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="129"/>
        <source>この端末の登録が無効になりました。もう一度サインインしてください（入力済みの内容は端末に残っています）。</source>
        <translation>This device is no longer registered. Sign in again (what you entered stays on this machine).</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="132"/>
        <source>サーバーに接続できません。編集は端末に保存され、接続が戻ると送信されます。</source>
        <translation>Cannot reach the server. Edits are saved on this machine and sent when the connection returns.</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="189"/>
        <source>（解決済み %1）</source>
        <translation> (resolved %1)</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="214"/>
        <source>%1 に書き込めません: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="218"/>
        <source>変更をファイルに書き出しました: %1</source>
        <translation>Changes written to %1</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="228"/>
        <source>%1 を開けません: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <location filename="../synccontroller.cpp" line="235"/>
        <source>サーバーからの返答を取り込みました。</source>
        <translation>The server&apos;s answer is imported.</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <location filename="../qml/PlanTree.qml" line="93"/>
        <source>表示する事業</source>
        <translation>Rows shown</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="94"/>
        <source>自分の課の事業</source>
        <translation>My department&apos;s rows</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="94"/>
        <source>すべての事業</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="102"/>
        <source>状態で絞り込む</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="106"/>
        <source>すべての状態</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="107"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="108"/>
        <source>作成中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="109"/>
        <source>提出済</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="110"/>
        <source>差戻し</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="111"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="121"/>
        <source>事業を検索</source>
        <translation>Search rows</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="123"/>
        <source>検索 (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="134"/>
        <source>担当課: %1</source>
        <translation>Department: %1</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="139"/>
        <source>すべての担当課</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="151"/>
        <source>%1 / %2 事業</source>
        <translation>%1 / %2 rows</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="200"/>
        <source>自分の課</source>
        <translation>My department</translation>
    </message>
    <message>
        <location filename="../qml/PlanTree.qml" line="201"/>
        <location filename="../qml/PlanTree.qml" line="253"/>
        <source>未送信</source>
        <translation>Not sent</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../apicall.cpp" line="16"/>
        <location filename="../historyapi.cpp" line="19"/>
        <source>サインインしていません。</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="32"/>
        <location filename="../reportmodel.cpp" line="211"/>
        <source> 作成</source>
        <translation> (made)</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="35"/>
        <source>%1ページ</source>
        <translation>%1 page(s)</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="40"/>
        <source>%1行</source>
        <translation>%1 line(s)</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="45"/>
        <source>%1 に書き込めません。</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <location filename="../reportmodel.cpp" line="46"/>
        <source>%1 バイト</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <location filename="../conflictlistmodel.cpp" line="17"/>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../qml/ReportPage.qml" line="21"/>
        <source>書き出す先</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="24"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="25"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="26"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="26"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="32"/>
        <source>レイアウトファイル</source>
        <translation>Layout file</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="33"/>
        <source>レイアウト (*.json)</source>
        <translation>Layouts (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="47"/>
        <source>報告書</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="53"/>
        <source>この端末の内容から、印刷する報告書か、そのデータを書き出します。接続は要りません。</source>
        <translation>Exports the printed report, or its data, from what this computer holds. No connection needed.</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="54"/>
        <source>自分の課の事業だけを書き出します。提出の前の確認に使えます。接続は要りません。</source>
        <translation>Exports your department’s rows only, to check them before submitting. No connection needed.</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="60"/>
        <location filename="../qml/ReportPage.qml" line="69"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="71"/>
        <location filename="../qml/ReportPage.qml" line="85"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="78"/>
        <source>PDF（印刷する報告書）</source>
        <translation>PDF (the printed report)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="79"/>
        <source>Excel（印刷する報告書）</source>
        <translation>Excel (the printed report)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="80"/>
        <source>CSV（事業ごとに1行）</source>
        <translation>CSV (a line per row)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="81"/>
        <source>CSV（値ごとに1行）</source>
        <translation>CSV (a line per value)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="82"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="87"/>
        <source>レイアウト</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="94"/>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="96"/>
        <source>計画のものに戻す</source>
        <translation>Use the plan&apos;s layout</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="104"/>
        <source>確定した報告だけ</source>
        <translation>Accepted entries only</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="110"/>
        <source>自分の課の事業だけ</source>
        <translation>My department’s rows only</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="117"/>
        <source>確定後の変更に網掛け</source>
        <translation>Shade changes since acceptance</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="122"/>
        <source>前回確定したあとに変更された欄を網掛けで示します。</source>
        <translation>Shades the cells changed since their entry was last accepted.</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="126"/>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="138"/>
        <source>書き出しの進み具合</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="157"/>
        <source>プレビュー（最初の%1ページ／全%2ページ、%3行）</source>
        <translation>Preview (first %1 of %2 pages, %3 lines)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="159"/>
        <source>プレビュー（%1行）</source>
        <translation>Preview (%1 lines)</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="176"/>
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="192"/>
        <source>表紙</source>
        <translation>Title page</translation>
    </message>
    <message>
        <location filename="../qml/ReportPage.qml" line="192"/>
        <source>%1ページ</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="14"/>
        <source>「%1」前回確定からの変更</source>
        <translation>&quot;%1&quot;: changes since last accepted</translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="38"/>
        <source>%1 に確定した内容との違い: %2項目</source>
        <translation>Differences from the version accepted %1: %2 field(s)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="56"/>
        <source>（変更あり）</source>
        <translation> (changed)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="56"/>
        <source>（変更なし）</source>
        <translation> (unchanged)</translation>
    </message>
</context>
<context>
    <name>SeriesChart</name>
    <message>
        <location filename="../qml/SeriesChart.qml" line="17"/>
        <source>推移のグラフ</source>
        <translation>Chart of the values by year</translation>
    </message>
    <message>
        <location filename="../qml/SeriesChart.qml" line="20"/>
        <location filename="../qml/SeriesChart.qml" line="50"/>
        <source>目標 %1%2</source>
        <translation>Target %1%2</translation>
    </message>
</context>
<context>
    <name>SeriesTable</name>
    <message>
        <location filename="../qml/SeriesTable.qml" line="85"/>
        <source>過去の年度は閲覧のみです</source>
        <translation>Past years are read only</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="10"/>
        <source>キーボード操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="17"/>
        <source>F1 / Ctrl+/</source>
        <translation>F1 / Ctrl+/</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="17"/>
        <source>この一覧を開く</source>
        <translation>Open this list</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="18"/>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation>Ctrl+1 … Ctrl+5</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="18"/>
        <source>作業 / 競合 / 取りまとめ / 取り込み / 報告書 の画面へ</source>
        <translation>Go to Work / Conflicts / Coordination / Import / Report</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="19"/>
        <source>Ctrl+↓ / Ctrl+↑</source>
        <translation>Ctrl+↓ / Ctrl+↑</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="19"/>
        <source>次の事業 / 前の事業へ（入力欄にいても）</source>
        <translation>Next / previous row (also from a field)</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="20"/>
        <source>Ctrl+Enter / Ctrl+Shift+Enter</source>
        <translation>Ctrl+Enter / Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="20"/>
        <source>次の入力欄 / 前の入力欄へ</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="21"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="21"/>
        <source>次の項目 / 前の項目へ（長い文章の欄でも）</source>
        <translation>Next / previous control (also from a long text)</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="22"/>
        <source>↑ ↓（選択肢の上で）</source>
        <translation>↑ ↓ (on a choice)</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="22"/>
        <source>選択肢を選ぶ</source>
        <translation>Pick an option</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="23"/>
        <source>Alt+↑ / Alt+↓ / Alt+Delete（表の中で）</source>
        <translation>Alt+↑ / Alt+↓ / Alt+Delete (in a table)</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="23"/>
        <source>行を上へ / 下へ / 削除</source>
        <translation>Move the row up / down / remove it</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="24"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="24"/>
        <source>事業を検索</source>
        <translation>Search rows</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="25"/>
        <source>F5 / Ctrl+R</source>
        <translation>F5 / Ctrl+R</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutHelp.qml" line="25"/>
        <source>今すぐ同期</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="40"/>
        <source>Matome にサインイン</source>
        <translation>Sign in to Matome</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="47"/>
        <source>初回だけサーバーへの接続が必要です。その後はネットワークがなくても使えます。</source>
        <translation>Only the first start needs the server. After that, Matome works without a network.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="57"/>
        <source>サーバーのアドレス</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="68"/>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="78"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="98"/>
        <source>サインイン</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../qml/SyncBar.qml" line="24"/>
        <source>同期中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="25"/>
        <source>オンライン</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="25"/>
        <source>オフライン</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="29"/>
        <source>未送信 %1件</source>
        <translation>%1 not sent</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="30"/>
        <source>未送信なし</source>
        <translation>All sent</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="34"/>
        <source>受付拒否 %1件</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="39"/>
        <source>競合 %1件</source>
        <translation>%1 conflict(s)</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="44"/>
        <source>最終同期 %1</source>
        <translation>Last sync %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="45"/>
        <source>未同期</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="65"/>
        <source>問題の記録 (%1)</source>
        <translation>Problems (%1)</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="69"/>
        <source>ファイルへ書き出し</source>
        <translation>Export to file</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="71"/>
        <source>ネットワークのない端末から、変更をファイルで持ち出します</source>
        <translation>Carry changes out of a machine with no network, as a file</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="75"/>
        <source>返答を取り込み</source>
        <translation>Import answer</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="80"/>
        <source>今すぐ同期 (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="89"/>
        <source>変更の書き出し先</source>
        <translation>Where to write the changes</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="91"/>
        <location filename="../qml/SyncBar.qml" line="100"/>
        <source>Matome 同期ファイル (*.matome)</source>
        <translation>Matome sync files (*.matome)</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="98"/>
        <source>サーバーからの返答ファイル</source>
        <translation>The server&apos;s answer file</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="100"/>
        <source>すべてのファイル (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="106"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="106"/>
        <source>できませんでした</source>
        <translation>Could not do it</translation>
    </message>
    <message>
        <location filename="../qml/SyncBar.qml" line="117"/>
        <source>同期の問題の記録（新しい順）</source>
        <translation>Sync problems (newest first)</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../qml/TableEditor.qml" line="18"/>
        <source>%1 %2行目</source>
        <translation>%1, row %2</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="75"/>
        <source>行がありません。「行を追加」で始めます。</source>
        <translation>No rows yet. “Add a row” starts one.</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="75"/>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="147"/>
        <source>%1を上へ</source>
        <translation>Move %1 up</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="150"/>
        <source>上へ (Alt+↑)</source>
        <translation>Up (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="156"/>
        <source>%1を下へ</source>
        <translation>Move %1 down</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="159"/>
        <source>下へ (Alt+↓)</source>
        <translation>Down (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="165"/>
        <source>削除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="166"/>
        <source>%1を削除</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="168"/>
        <source>この行を削除 (Alt+Delete)</source>
        <translation>Remove this row (Alt+Delete)</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="186"/>
        <source>行を追加</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <location filename="../qml/TableEditor.qml" line="187"/>
        <source>「%1」に行を追加</source>
        <translation>Add a row to “%1”</translation>
    </message>
</context>
</TS>
