"""Japanese for every user-facing English string (the message id).

tests/test_i18n.py fails when a string passed to `_()` has no entry here,
when an entry's placeholders differ from the English, or when an entry is unused.
"""

JA: dict[str, str] = {
    # the app
    "Ledger: {path}": "台帳: {path}",
    "Quit": "終了",
    "Key: {key}": "キー: {key}",
    "replace the ledger with a backup, once checked": "確認したバックアップで台帳を置き換える",
    "replace an existing ledger without asking": "既存の台帳を確認なしで置き換える",
    "Replace the ledger {ledger} with {backup}? The ledger is backed up first. [y/N] ": (
        "台帳 {ledger} を {backup} で置き換えますか? 現在の台帳は先にバックアップします。[y/N] "
    ),
    "{ledger} exists: give --yes to replace it": (
        "{ledger} があります。置き換えるには --yes を付けてください"
    ),
    "Nothing restored": "復元しませんでした",
    "Restored {ledger} from {backup}": "{backup} から {ledger} を復元しました",
    "The replaced ledger was kept as {path}": "置き換える前の台帳は {path} に保存しました",
    "{path} is not a file": "{path} はファイルではありません",
    "{path} is not a Daicho ledger": "{path} は Daicho の台帳ではありません",
    "No backup taken today: {reason}": "本日のバックアップを作成できませんでした: {reason}",
    "Building the search index (once; about a minute for a large ledger)…": (
        "検索索引を作成しています（初回のみ。大きな台帳では1分ほどかかります）…"
    ),
    "Discard call": "通話を破棄",
    "Call discarded": "通話記録を破棄しました",
    "The draft could not be kept: {reason}": "下書きを保存できませんでした: {reason}",
    "Discard": "破棄",
    "Draft discarded": "下書きを破棄しました",
    "Commands": "コマンド",
    # command line
    "Seeded {path}: {summary}": "{path} にサンプルデータを作成しました: {summary}",
    "Imported {summary}": "取り込みました: {summary}",
    "the ledger file, or a shared ledger's postgresql:// URL (default: $DAICHO_DB,"
    " else [ledger] url in the config, else the user data directory)": (
        "台帳ファイル、または共有台帳の postgresql:// URL (既定: $DAICHO_DB、なければ設定の"
        " [ledger] url、なければユーザーデータディレクトリ)"
    ),
    "copy a whole ledger into a new file or an empty database": (
        "台帳全体を新しいファイルまたは空のデータベースへ複製する"
    ),
    "the ledger to copy: a file or a postgresql:// URL": (
        "複製元の台帳: ファイルまたは postgresql:// URL"
    ),
    "where to copy it: a new file, or an empty database's postgresql:// URL": (
        "複製先: 新しいファイル、または空のデータベースの postgresql:// URL"
    ),
    "Copied {source} to {destination}: {summary}": (
        "{source} を {destination} へ複製しました: {summary}"
    ),
    "--from and --to name the same ledger": "--from と --to が同じ台帳です",
    "{location} is not empty: a ledger is copied only into a new file or an empty database": (
        "{location} は空ではありません。台帳の複製先は新しいファイルか空のデータベースだけです"
    ),
    "restore replaces a ledger file; a shared ledger is restored into an empty database:"
    " daicho --db URL import BACKUP.toml (or pg_restore for a pg_dump backup)": (
        "restore は台帳ファイルを置き換えます。共有台帳は空のデータベースへ復元してください:"
        " daicho --db URL import BACKUP.toml (pg_dump のバックアップなら pg_restore)"
    ),
    "Backed up with pg_dump (custom format; pg_restore reads it back)": (
        "pg_dump でバックアップしました (カスタム形式。pg_restore で戻せます)"
    ),
    "Backed up as a TOML export (no pg_dump on PATH; daicho import reads it back into"
    " an empty database)": (
        "TOML の書き出しとしてバックアップしました (PATH に pg_dump がありません。"
        "空のデータベースへ daicho import で戻せます)"
    ),
    "pg_dump failed: {reason} (daicho export -o FILE writes the TOML backup)": (
        "pg_dump が失敗しました: {reason} (TOML のバックアップは daicho export -o FILE で作れます)"
    ),
    "Finishing today's backup…": "本日のバックアップを仕上げています…",
    "a postgresql:// URL": "postgresql:// で始まる URL",
    "The vendor ledger for a one-person IT department.": "ひとり情シスのための業者台帳。",
    "open the app on a fresh temporary ledger of sample data": (
        "サンプルデータ入りの一時台帳でアプリを開く"
    ),
    "write the whole ledger out": "台帳全体を書き出す",
    "write a consistent copy of the ledger": "台帳の整合性のとれた複製を作る",
    "fill a new ledger with generated sample data": "新しい台帳に生成したサンプルデータを入れる",
    "The ledger cannot be used: {reason}": "台帳を使用できません: {reason}",
    "Unexpected error: {reason}": "予期しないエラー: {reason}",
    "seed needs --db PATH: it fills a new ledger with sample data": (
        "seed には --db PATH が必要です (新しい台帳にサンプルデータを入れます)"
    ),
    # opening the ledger
    "{path} is a directory, not a ledger file": (
        "{path} はディレクトリです。台帳ファイルではありません"
    ),
    "{path} is not a Daicho ledger (not an SQLite file)": (
        "{path} は Daicho の台帳ではありません (SQLite ファイルではありません)"
    ),
    "{path} is an SQLite file of another program": "{path} は別のプログラムの SQLite ファイルです",
    "{path} was written by a newer Daicho (schema {found}; this one knows {known})": (
        "{path} は新しいバージョンの Daicho で作成されています"
        " (スキーマ {found}、このバージョンは {known} まで)"
    ),
    "Cannot use the ledger {path}: {reason}": "台帳 {path} を使用できません: {reason}",
    "Cannot read {path}: {reason}": "{path} を読み込めません: {reason}",
    "{path} is damaged: {reason}": "{path} は破損しています: {reason}",
    "Cannot create {path}: {reason}": "{path} を作成できません: {reason}",
    # validation
    "{what} must be one of {allowed}, not {value!r}": (
        "{what} は {allowed} のいずれかにしてください ({value!r} は使えません)"
    ),
    "{what} cannot be empty": "{what}を入力してください",
    "No vendor with id {id}": "ID {id} の業者はありません",
    "No contact with id {id}": "ID {id} の担当者はいません",
    "No request with id {id}": "ID {id} の依頼はありません",
    "No call with id {id}": "ID {id} の通話記録はありません",
    "The contact does not work at this vendor": "その担当者はこの業者の所属ではありません",
    "This request is already {status}: {name} did it at {time}": (
        "この依頼はすでに「{status}」です（{name}さんが {time} に変更）"
    ),
    "This request is already {status} (since {time})": (
        "この依頼はすでに「{status}」です（{time} から）"
    ),
    "{name} changed this {thing} at {time}{fields} after you opened it. "
    "Your text is kept: check and save again.": (
        "{name}さんが {time} にこの{thing}を変更しました{fields}。"
        "あなたの入力はそのまま残っています。内容を確かめてからもう一度保存してください。"
    ),
    "Someone else changed this {thing} at {time}{fields} after you opened it. "
    "Your text is kept: check and save again.": (
        "ほかの人が {time} にこの{thing}を変更しました{fields}。"
        "あなたの入力はそのまま残っています。内容を確かめてからもう一度保存してください。"
    ),
    # field names
    "Vendor name": "業者名",
    "Contact name": "担当者名",
    "Name": "名前",
    "Category": "分類",
    "Status": "状態",
    "Priority": "優先度",
    "Direction": "方向",
    "Channel": "手段",
    "Subject": "件名",
    "Note": "メモ",
    "Sort": "並び順",
    "Vendor": "業者",
    "Contact": "担当者",
    "Reading": "よみ",
    "Role": "役職",
    "Department": "部署",
    "Phone": "電話",
    "Mobile": "携帯",
    "Email": "メール",
    "Web": "Web",
    "Tags": "タグ",
    "Notes": "メモ",
    "Details": "詳細",
    "Due": "期限",
    "Age": "経過",
    "Answer": "回答",
    "Request": "依頼",
    "Format": "形式",
    # stored values (labels.py)
    "hardware": "ハードウェア",
    "telecom": "通信",
    "software": "ソフトウェア",
    "cloud": "クラウド",
    "maintenance": "保守",
    "other": "その他",
    "active": "取引中",
    "prospect": "見込み",
    "inactive": "休止",
    "waiting on them": "先方待ち",
    "we owe": "こちら対応",
    "normal": "通常",
    "high": "高",
    "urgent": "至急",
    "open": "未完了",
    "answered": "回答済み",
    "closed": "完了",
    "cancelled": "取消",
    "incoming": "着信",
    "outgoing": "発信",
    "phone": "電話",
    "mobile": "携帯",
    "email": "メール",
    "visit": "来訪",
    "meeting": "打合せ",
    "chat": "チャット",
    # vendor categories in the vendors pane (labels.short_category), short
    "HW": "ハード",
    "Tel": "通信",
    "SW": "ソフト",
    "Cloud": "クラウド",
    "Maint": "保守",
    "Other": "他",
    # settings file (config.py)
    "it is not UTF-8 text": "UTF-8 のテキストではありません",
    "Not valid TOML: {reason}": "TOML として正しくありません: {reason}",
    "Cannot write {path}: {reason}": "{path} に書き込めません: {reason}",
    "{field} must be {expected}": "{field} には{expected}を指定してください",
    "{path}: {problem}": "{path}: {problem}",
    "{path}, line {line}: {problem}": "{path} {line} 行目: {problem}",
    '"auto", "en" or "ja"': '"auto"、"en"、"ja" のいずれか',
    '"short", "iso" or "wareki"': '"short"、"iso"、"wareki" のいずれか',
    'a list of days such as "12/29-01/03" or "2027/08/12-2027/08/16"': (
        '"12/29-01/03" や "2027/08/12-2027/08/16" のような日付のリスト'
    ),
    "text": "文字列",
    "a whole number of 0 or more": "0以上の整数",
    "a positive whole number": "1以上の整数",
    "at most {largest}": "{largest} 以下の値",
    "true or false": "true または false",
    "a table": "テーブル",
    # export and import
    'Not a Daicho export: it needs format = "{marker}"': (
        'Daicho の書き出しファイルではありません (format = "{marker}" が必要です)'
    ),
    "The export comes from a newer Daicho (schema {found}; this one knows {known})": (
        "新しいバージョンの Daicho で書き出されたファイルです"
        " (スキーマ {found}、このバージョンは {known} まで)"
    ),
    "Unknown table {table}": "不明なテーブル {table}",
    "{table} must be an array of tables [[{table}]]": (
        "{table} はテーブルの配列 [[{table}]] にしてください"
    ),
    "unknown field {field}": "不明な項目 {field}",
    "another row has the same id": "同じ id の行が他にあります",
    "{table} id {id}: {problem}": "{table} の id {id}: {problem}",
    "{table} entry {number}: {problem}": "{table} の {number} 件目: {problem}",
    "{field} is missing": "{field} がありません",
    "a date and time with a time zone": "タイムゾーン付きの日時",
    "a date and time from the year 2 to 9998": "西暦2年から9998年までの日時",
    "a date": "日付",
    "a list of text": "文字列のリスト",
    "{field} {value} is not the id of a row in {table}": (
        "{field} {value} は {table} にある行の id ではありません"
    ),
    "{vendors} vendors, {contacts} contacts, {calls} calls with {decisions} decisions,"
    " {requests} requests, {request_events} history events": (
        "業者 {vendors} 件、担当者 {contacts} 名、通話 {calls} 件 (決定事項 {decisions} 件)、"
        "依頼 {requests} 件、履歴 {request_events} 件"
    ),
    "{path} is the open ledger: it cannot be written over": (
        "{path} は開いている台帳です。上書きできません"
    ),
    # sample data
    "{vendors} vendors, {contacts} contacts, {calls} calls with {decisions} decisions, "
    "{requests} requests ({open_requests} open) with {request_events} history events, "
    "{contracts} contracts": (
        "業者 {vendors} 件、担当者 {contacts} 名、通話 {calls} 件 (決定事項 {decisions} 件)、"
        "依頼 {requests} 件 (未完了 {open_requests} 件、履歴 {request_events} 件)、"
        "契約 {contracts} 件"
    ),
    "Unknown sample data size {size}: choose {sizes}": (
        "サンプルデータのサイズ {size} はありません。{sizes} から選んでください"
    ),
    "The ledger already holds vendors: sample data goes into an empty ledger": (
        "台帳にはすでに業者があります。サンプルデータは空の台帳にだけ入れられます"
    ),
    # due dates (data/dates/parse.py)
    'Not a date: "{text}" — try 2026-11-30, 11/30, +3, +2w, tomorrow, fri, 明日, 来週金曜': (
        "日付として読めません: 「{text}」 — 例: 2026-11-30, 11/30, 12月1日, +3, 明日,"
        " 金曜, 来週金曜, 3営業日後"
    ),
    "Out of range: dates run from 1900 to 2999": (
        "範囲外です: 日付は 1900〜2999 年の間にしてください"
    ),
    "No such date: {date}": "存在しない日付です: {date}",
    "today": "今日",
    "tomorrow": "明日",
    "yesterday": "昨日",
    "in {days} days": "{days}日後",
    "{days} days ago": "{days}日前",
    "{date} ({relative})": "{date} {relative}",
    # deadlines (data/dates/deadlines.py): the due cell, at most 15 cells wide
    "—": "期限なし",
    "‼{days}d late": "‼{days}日超過",
    "in {days}d": "あと{days}日",
    # forms
    "Save": "保存",
    "Cancel": "キャンセル",
    "The ledger could not be written: {reason}": "台帳に書き込めませんでした: {reason}",
    "The ledger could not be read: {reason}": "台帳を読み込めませんでした: {reason}",
    # writes the ledger cannot take (data/ledger_guard.py)
    "The ledger is read-only ({reason}): nothing can be saved to it": (
        "台帳は読み取り専用です（{reason}）: 保存はできません"
    ),
    "The disk is full ({reason}): nothing was saved; free some space": (
        "ディスクがいっぱいです（{reason}）: 保存されていません。空き容量を確保してください"
    ),
    "The disk did not take the write ({reason}): it may be full or failing; nothing was saved": (
        "ディスクに書き込めませんでした（{reason}）: 容量不足か故障の可能性があります。"
        "保存されていません"
    ),
    "The ledger is busy: another window or program is holding it ({reason});"
    " nothing was saved, try again in a moment": (
        "台帳が使用中です: 別のウィンドウかプログラムが使っています（{reason}）。"
        "保存されていません。少し待ってからもう一度お試しください"
    ),
    "The ledger file {path} was deleted while Daicho was open: nothing more can be"
    " saved. Restore it from a backup (daicho restore) and start Daicho again": (
        "台帳ファイル {path} は Daicho の使用中に削除されました: これ以上保存できません。"
        "バックアップから復元 (daicho restore) して Daicho を起動し直してください"
    ),
    "The ledger file {path} was replaced by another file while Daicho was open:"
    " nothing more can be saved here. Start Daicho again to use the new file": (
        "台帳ファイル {path} は Daicho の使用中に別のファイルに置き換えられました: "
        "ここではこれ以上保存できません。新しいファイルを使うには Daicho を起動し直してください"
    ),
    "The ledger {path} is read-only: it can be read, but not saved to": (
        "台帳 {path} は読み取り専用です: 閲覧はできますが保存はできません"
    ),
    "due: +3, fri, 11/30, 来週金曜": "期限: 金曜, 11/30, +3, 3営業日後",
    "Previous choice": "前の選択肢",
    "Next choice": "次の選択肢",
    # detail screens and help
    "Back": "戻る",
    "Help": "ヘルプ",
    "Anywhere": "共通",
    "Close": "閉じる",
    "Date fields": "日付の入力",
    "that date": "その日付",
    "that day; the year may be left out": "その日 (年は省略可)",
    "in 3 days, in 2 weeks": "3日後、2週間後",
    "the day after tomorrow": "明後日",
    "the next Friday (any weekday's name)": "次の金曜日 (ほかの曜日名も可)",
    "Friday next week": "来週の金曜日",
    "the end of this month, of next month": "今月末、来月末",
    "3 business days on: weekends and holidays skipped": "3営業日後 (土日・祝日・休業日を除く)",
    "that date in the Japanese era": "和暦のその日",
    # main screen
    "Vendors": "業者",
    "Queue": "依頼一覧",
    "Call log": "通話記録",
    "New call": "新規通話",
    "New request": "新規依頼",
    "New vendor": "新規業者",
    "Edit vendor": "業者を編集",
    "Answered/done": "回答/対応済み",
    "Re-date": "期限変更",
    "This vendor/all": "この業者/全業者",
    "all statuses": "全状態",
    "both ways": "両方向",
    "any priority": "全優先度",
    "all vendors": "全業者",
    "by {sort}": "{sort}順",
    "due date": "期限",
    "priority": "優先度",
    "vendor": "業者",
    "newest": "新しい",
    "Nothing open — nice.": "未完了の依頼はありません — すっきり",
    "Nothing answered yet.": "回答済みの依頼はまだありません",
    "Nothing closed or cancelled.": "完了・取消の依頼はありません",
    "No requests yet.": "依頼はまだありません",
    "Nothing matches these filters.": "この条件に合う依頼はありません",
    # ledger header (widgets/ledger_header.py)
    "Daicho": "Daicho",
    "overdue {n}": "期限切れ {n}",
    "due today {n}": "今日期限 {n}",
    "← we owe {n}": "← こちら対応 {n}",
    "→ waiting {n}": "→ 先方待ち {n}",
    # queue (widgets/queue_table.py, widgets/queue_columns.py)
    "{days}d": "{days}日",
    "Open": "開く",
    "Up": "上へ",
    "Down": "下へ",
    "Page up": "前のページ",
    "Page down": "次のページ",
    "First": "先頭",
    "Last": "末尾",
    # vendor list (widgets/vendor_list.py)
    "All vendors": "全業者",
    "Filter": "絞り込み",
    "Prospects/inactive": "見込み・休止",
    "Filter: name, reading, contact": "絞り込み: 名前、よみ、担当者",
    # call form and call logging
    "New vendor: saved as a prospect": "新規: 見込み業者として保存",
    "Decisions": "決定事項",
    "One decision per line": "1行に1件",
    "Internal memo": "社内メモ",
    "Stays inside: never put in a mail": "社内用です。メールには載りません",
    "Details (goes into mails to the vendor)": "内容（先方宛てのメールに載ります）",
    "Internal memo (never in a mail)": "社内メモ（メールには載りません）",
    "Follow-ups (ctrl+o adds one)": "今後の対応 (ctrl+o で追加)",
    "Save call": "通話を保存",
    "Add follow-up": "今後の対応を追加",
    "Leave form": "フォームを離れる",
    "follow-up subject": "今後の対応の件名",
    "A follow-up needs a subject": "今後の対応には件名が必要です",
    "Saved {time} {vendor} — {subject} (decisions: {decisions}, follow-ups: {follow_ups})": (
        "保存しました {time} {vendor} — {subject}"
        " (決定事項 {decisions} 件、今後の対応 {follow_ups} 件)"
    ),
    "Not saved": "保存できませんでした",
    # vendor detail, vendor and contact forms
    "Vendor detail": "業者の詳細",
    "Contacts": "担当者",
    "Timeline": "タイムライン",
    "Add contact": "担当者を追加",
    "Copy phone number": "電話番号をコピー",
    "Edit contact": "担当者を編集",
    "New contact": "新規担当者",
    "Primary contact": "主担当",
    "primary": "主担当",
    "(no subject)": "(件名なし)",
    "No contacts yet: a adds one": "担当者はまだいません (a で追加)",
    "No calls or requests yet": "通話・依頼はまだありません",
    "{count} in all": "全 {count} 件",
    "{count} shown, more below": "{count} 件表示 (続きあり)",
    "A vendor named {name} already exists: ctrl+s again saves another": (
        "「{name}」という業者はすでにあります。もう一度 ctrl+s で別の業者として保存します"
    ),
    # request detail and its prompts
    "Request detail": "依頼の詳細",
    "Request #{id}": "依頼 #{id}",
    "History": "履歴",
    "From call": "元の通話",
    "Created": "作成日時",
    "Updated": "更新日時",
    "created": "作成",
    "status": "状態",
    "note": "メモ",
    "edited": "編集",
    "none": "なし",
    "Close request": "依頼を完了",
    "Reopen": "再開",
    "Cancel request": "依頼を取消",
    "Add note": "メモを追加",
    "Edit": "編集",
    "Edit request": "依頼を編集",
    "Mark as answered": "回答済みにする",
    "Mark as done": "対応済みにする",
    "Answered": "回答済み",
    "Done": "対応済み",
    "What was done": "対応内容",
    "Add a note": "メモを追加",
    "Remove due date": "期限を削除",
    "Due now": "現在の期限",
    "New due date": "新しい期限",
    "Type a new date": "新しい日付を入力してください",
    "Type a new date, or ctrl+r to remove the due date": (
        "新しい日付を入力してください (ctrl+r で期限を削除)"
    ),
    "That is already the due date": "すでにその日が期限です",
    # request form
    "optional": "任意",
    "No vendor named {name}": "「{name}」という業者はありません",
    "No contact named {name} at this vendor": "この業者に「{name}」という担当者はいません",
    # mails and templates
    "Template {name}: the name must start with one of {kinds}": (
        "テンプレート {name}: 名前は {kinds} のいずれかで始めてください"
    ),
    "No template named {name}": "テンプレート {name} はありません",
    "Template {name} is not a {kind} template": "テンプレート {name} は {kind} 用ではありません",
    "Template {name}: cannot be filled: {reason}": (
        "テンプレート {name}: 差し込みができません: {reason}"
    ),
    "Template {name}: the first line, the subject, is empty": (
        "テンプレート {name}: 1 行目 (件名) が空です"
    ),
    "Template {name}: unbalanced braces (write {example} for literal ones)": (
        "テンプレート {name}: 波かっこの対応が取れていません (文字としては {example} と書きます)"
    ),
    "Template {name}: {field} has a format that cannot be used": (
        "テンプレート {name}: {field} の書式は使えません"
    ),
    "Template {name}: {field} is not a plain placeholder such as {example}": (
        "テンプレート {name}: {field} は使えません ({example} のような項目名だけが使えます)"
    ),
    "Template {name}: unknown placeholder {field}; did you mean {suggestion}?": (
        "テンプレート {name}: 差し込み項目 {field} はありません ({suggestion} ではありませんか?)"
    ),
    "Template {name}: unknown placeholder {field}; use one of {known}": (
        "テンプレート {name}: 差し込み項目 {field} はありません (使える項目: {known})"
    ),
    "Template {name}: must be text": "テンプレート {name}: 文字列で書いてください",
    "(none)": "（なし）",
    "… and {count} more": "…ほか{count}件",
    "by {date}": "{date}まで",
    "overdue": "期限切れ",
    "due today": "本日期限",
    "[{tags}] {vendor}: {subject}": "［{tags}］{vendor}：{subject}",
    "Sir or Madam": "ご担当者",
    "our call": "お電話の件",
    "earlier today": "本日",
    "on {date}": "{date}に",
    "from us to you": "弊社からのお願い",
    "from you to us": "貴社からのご依頼",
    "your side": "貴社ご対応",
    "our side": "弊社対応",
    "our meeting": "お打合せの件",
    "your email": "メールの件",
    "our chat": "チャットの件",
    "on the phone earlier today": "本日お電話にて",
    "on the phone on {date}": "{date}にお電話にて",
    "in our meeting earlier today": "本日のお打合せにて",
    "in our meeting on {date}": "{date}のお打合せにて",
    "during your visit earlier today": "本日ご来訪の際に",
    "during your visit on {date}": "{date}にご来訪いただいた際に",
    "when we visited you earlier today": "本日お伺いした際に",
    "when we visited you on {date}": "{date}にお伺いした際に",
    "in your email earlier today": "本日いただいたメールにて",
    "in your email on {date}": "{date}にいただいたメールにて",
    "in our email earlier today": "本日お送りしたメールにて",
    "in our email on {date}": "{date}にお送りしたメールにて",
    "over chat earlier today": "本日チャットにて",
    "over chat on {date}": "{date}にチャットにて",
    "This is {name} of {organisation}.": "{organisation}の{name}です。",
    "This is {name}.": "{name}です。",
    "Tel: {phone}": "TEL：{phone}",
    "Email: {mail}": "Mail：{mail}",
    # what the built-in templates are called when choosing one
    "Confirmation": "確認メール",
    "Reminder": "催促",
    "Open items": "未完了の件の一覧",
    "Status report": "状況報告",
    "Weekly report": "週次報告",
    "{vendor}: 1 call": "{vendor}：1件",
    "{vendor}: {count} calls": "{vendor}：{count}件",
    "{vendor}:": "【{vendor}】",
    "Waiting on them: {count}": "先方待ち：{count}件",
    "We owe: {count}": "こちら対応：{count}件",
    "{vendor}: {subject}": "{vendor}：{subject}",
    "1 day late": "1日超過",
    "{days} days late": "{days}日超過",
    "opened {date}": "{date}依頼分",
    "print a report for management": "管理者向けの報告を出力する",
    "the last seven days: decisions, what is overdue, what is due next week": (
        "直近 7 日間: 決定事項、期限超過、今後 1 週間の期限"
    ),
    # copying (clipboard.py, screens/support/copying.py, mail_preview.py, manual_copy.py)
    "to the system clipboard": "システムのクリップボードへ",
    "via the terminal (OSC 52) — works if your terminal allows it": (
        "端末経由 (OSC 52) — 端末が許可している場合に有効です"
    ),
    "the system clipboard cannot be used: {reason}": (
        "システムのクリップボードを使えません: {reason}"
    ),
    "the system clipboard did not keep the text": (
        "システムのクリップボードにテキストが残りませんでした"
    ),
    "no terminal is attached to take the text": "テキストを受け取る端末がつながっていません",
    "Copied: {subject}": "コピーしました: {subject}",
    # who sends the mails (screens/sender_form.py)
    "Sender details": "差出人の設定",
    "Send without": "差出人なしで作成",
    "Company": "会社名",
    "Your name": "氏名",
    "Your mails say who sends them. Set it once here; it is kept in {path}, and “{command}” "
    "in the command palette (ctrl+p) changes it. Escape sends this mail without it.": (
        "メールの名乗りと署名に差出人を入れます。ここで一度設定すると {path} に保存され、"
        "コマンドパレット（ctrl+p）の「{command}」で変更できます。"
        "esc を押すと、このメールは差出人なしで作成します。"
    ),
    "Sender details saved in {path}": "差出人の設定を {path} に保存しました",
    "This mail has no sender or signature: set yours with “{command}” in the command palette "
    "(ctrl+p)": (
        "このメールには差出人も署名もありません。"
        "コマンドパレット（ctrl+p）の「{command}」で設定してください"
    ),
    "Who your mails are from: company, department, name, phone and mail": (
        "メールの差出人（会社名・部署・氏名・電話・メール）"
    ),
    "Template problem": "テンプレートの問題",
    "Copy by hand": "手動でコピー",
    "The text could not be copied ({reason}). Select it below with the mouse "
    "(in most terminals, hold Shift while dragging) and copy it with the terminal.": (
        "テキストをコピーできませんでした ({reason})。下のテキストをマウスで選択し "
        "(多くの端末では Shift を押しながらドラッグ)、端末の機能でコピーしてください。"
    ),
    "Copy email": "メールをコピー",
    "Preview email": "メールを確認",
    "Copy queue report": "一覧を報告としてコピー",
    "Save and copy email": "保存してメールをコピー",
    "y copies the confirmation email": "y で確認メールをコピーできます",
    "Copy the weekly report": "週次報告をコピー",
    "Preview the weekly report": "週次報告を確認",
    "The week's decisions, what is overdue and what is due next week, with counts": (
        "今週の決定事項、期限超過、今後 1 週間の期限と件数"
    ),
    "Choose its template and edit it before copying": (
        "テンプレートを選び、編集してからコピーします"
    ),
    "Email preview": "メールの確認",
    "Template": "テンプレート",
    "Copy": "コピー",
    "Save template": "テンプレートを保存",
    "Edit template": "テンプレートを編集",
    "Back to the email": "メールに戻る",
    "Showing the email": "メールを表示中",
    "Showing the template: what is in braces comes from the ledger": (
        "テンプレートを表示中: 波かっこの中は台帳から埋められます"
    ),
    "Making the email…": "メールを作成中…",
    "ctrl+s keeps it in {path}": "ctrl+s で {path} に保存します",
    "Made with {name}: {chosen} has a problem": "{chosen} に問題があるため {name} で作成しました",
    "Template not saved": "テンプレートを保存できませんでした",
    "Template {name} saved in {path}": "テンプレート {name} を {path} に保存しました",
    # search (data/search/query.py, screens/search_screen.py, widgets/search_results.py, cli.py)
    "call": "通話",
    "request": "依頼",
    "contact": "担当者",
    "Search": "検索",
    "Edit search": "検索語を編集",
    "No hits": "該当なし",
    "Hits: {count}, newest first": "検索結果: {count} 件 (新しい順)",
    "The newest {count} hits: add words to find older ones": (
        "新しい順に {count} 件を表示: 語を足すと古いものも見つかります"
    ),
    'Search: words, "a phrase", type:call, vendor:NAME, after:DATE': (
        '検索: 語句、"フレーズ"、type:call、vendor:業者名、after:日付'
    ),
    (
        'Every word must appear; "a phrase" as typed. Filters: type:call, type:request,'
        " type:vendor, type:contact, type:contract; vendor:NAME; after:DATE (on or after);"
        " before:DATE."
    ): (
        'すべての語を含むものを探します。"フレーズ" は入力どおりに。絞り込み: type:call、'
        "type:request、type:vendor、type:contact、type:contract"
        " (通話・依頼・業者・担当者・契約でも可)、"
        "vendor:業者名、after:日付 (その日以降)、before:日付 (その日より前)。"
    ),
    "vendor: needs part of a vendor's name, e.g. vendor:NTT": (
        "vendor: の後に業者名の一部を入れてください (例: vendor:NTT)"
    ),
    'Unknown type "{value}": use type:call, type:request, type:vendor, type:contact'
    " or type:contract": (
        "「{value}」という種類はありません: type:call、type:request、type:vendor、"
        "type:contact、type:contract のいずれかです"
    ),
    "{filter}: needs a date, e.g. {filter}:2026-11-30 or {filter}:11/30": (
        "{filter}: の後に日付を入れてください (例: {filter}:2026-11-30、{filter}:11/30)"
    ),
    "{filter}: {reason}": "{filter}: {reason}",
    "find anything said to any vendor": "業者とのやりとりをすべて検索する",
    "print the hits as JSON": "結果を JSON で出力する",
    "at most N hits, newest first": "新しい順に最大 N 件",
    "rebuild the search index": "検索索引を作り直す",
    "--limit must be 1 or more": "--limit には 1 以上を指定してください",
    "Search index rebuilt: {count} items": "検索索引を作り直しました: {count} 件",
    # issue 13: cli
    "file to write (a directory for csv); - or none: standard output": (
        "書き出し先ファイル (csv はディレクトリ)。- または省略: 標準出力"
    ),
    "A CSV export is one file per table and cannot go to standard output: "
    "give a directory with -o": (
        "CSV はテーブルごとに別ファイルで書き出すため、標準出力には出せません。"
        "-o でディレクトリを指定してください"
    ),
    "file or directory to write; - : standard output, when redirected": (
        "書き出し先のファイルまたはディレクトリ。- : 標準出力 (リダイレクト時のみ)"
    ),
    "A backup is a binary file: redirect it, as in daicho backup -o - > copy.db": (
        "バックアップはバイナリファイルです。daicho backup -o - > copy.db のように"
        "リダイレクトしてください"
    ),
    "Search for commands…": "コマンドを検索…",
    "Search for themes…": "テーマを検索…",
    "Theme": "テーマ",
    "Change the current theme": "テーマを変更する",
    "Quit the application as soon as possible": "アプリをすぐに終了する",
    "Keys": "キー一覧",
    "Show help for the focused widget and a summary of available keys": (
        "選択中の項目のヘルプと、使えるキーの一覧を表示する"
    ),
    "Hide the keys and widget help panel": "キー一覧とヘルプを隠す",
    "Maximize": "最大化",
    "Maximize the focused widget": "選択中の項目を最大化する",
    "Minimize": "最大化を解除",
    "Minimize the widget and restore to normal size": "最大化を解除して元の大きさに戻す",
    "Screenshot": "スクリーンショット",
    "Save an SVG 'screenshot' of the current screen": (
        "今の画面を SVG のスクリーンショットとして保存する"
    ),
    "palette": "コマンドパレット",
    "Focus Next": "次の項目へ",
    "Focus Previous": "前の項目へ",
    "Copy selected text": "選択した文字をコピー",
    "Cut": "切り取り",
    "Cut selected text": "選択した文字を切り取り",
    "Paste": "貼り付け",
    "Paste text from the clipboard": "クリップボードから貼り付け",
    "Undo": "元に戻す",
    "Redo": "やり直す",
    "Select all": "すべて選択",
    "Select line": "行を選択",
    "Select line start": "行頭まで選択",
    "Select line end": "行末まで選択",
    "Submit": "確定",
    "Toggle": "切り替え",
    "Select": "選択",
    "Page Up": "前のページ",
    "Page Down": "次のページ",
    "Page Left": "左へ1画面",
    "Page Right": "右へ1画面",
    "Scroll Up": "上へスクロール",
    "Scroll Down": "下へスクロール",
    "Scroll Left": "左へスクロール",
    "Scroll Right": "右へスクロール",
    "Scroll Home": "先頭へスクロール",
    "Scroll End": "末尾へスクロール",
    "Go to start": "先頭へ",
    "Go to end": "末尾へ",
    "Move cursor left": "カーソルを左へ",
    "Move cursor left and select": "左へ選択",
    "Move cursor left a word": "左の単語へ",
    "Move cursor left a word and select": "左へ単語単位で選択",
    "Move cursor right and select": "右へ選択",
    "Move cursor right a word": "右の単語へ",
    "Move cursor right a word and select": "右へ単語単位で選択",
    "Move cursor right or accept the completion suggestion": "カーソルを右へ (候補があれば確定)",
    "Cursor up": "カーソルを上へ",
    "Cursor down": "カーソルを下へ",
    "Cursor left": "カーソルを左へ",
    "Cursor right": "カーソルを右へ",
    "Cursor up select": "上へ選択",
    "Cursor down select": "下へ選択",
    "Cursor left select": "左へ選択",
    "Cursor right select": "右へ選択",
    "Cursor word left": "左の単語へ",
    "Cursor word right": "右の単語へ",
    "Cursor left word select": "左へ単語単位で選択",
    "Cursor right word select": "右へ単語単位で選択",
    "Cursor line start": "行頭へ",
    "Cursor line end": "行末へ",
    "Cursor line start select": "行頭まで選択",
    "Cursor line end select": "行末まで選択",
    "Cursor page up": "1ページ上へ",
    "Cursor page down": "1ページ下へ",
    "Delete character left": "左の1文字を削除",
    "Delete character right": "右の1文字を削除",
    "Delete left to start of word": "単語の先頭まで削除",
    "Delete right to start of word": "次の単語の先頭まで削除",
    "Delete all to the left": "左側をすべて削除",
    "Delete all to the right": "右側をすべて削除",
    "Delete to line start": "行頭まで削除",
    "Delete to line end": "行末まで削除",
    "Delete line": "行を削除",
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了する",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "unrecognized arguments: %s": "解釈できない引数です: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r は選べません (選択肢: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "%(value)r は %(type)s の値として不正です",
    "expected one argument": "値が1つ必要です",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値が1つ以上必要です",
    "ignored explicit argument %r": "値 %r は受け付けません",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s はあいまいです (候補: %(matches)s)"
    ),
    # issue 13: forms
    "{vendor} was added to the vendors as a prospect: h shows or hides prospects": (
        "{vendor} を見込み業者として登録しました: h で見込み・休止の表示を切り替えます"
    ),
    "Primary now: {name}": "現在の主担当: {name}",
    "Primary now: {name}; saving moves it here": (
        "現在の主担当: {name}（保存するとこの担当者に移ります）"
    ),
    "{name} is now the primary contact, instead of {other}": (
        "{name} を主担当にしました（{other} は主担当ではなくなりました）"
    ),
    # issue 13: dates
    "{weekday} {date}": "{date}({weekday})",
    "closed day: the business day before is {day}": "休業日です。前の営業日は {day}",
    "Business day before": "前の営業日",
    "{due}; {note} (ctrl+b)": "{due}。{note} (ctrl+b)",
    "{date} is in the past: ctrl+s again saves it anyway": (
        "{date} は過去の日付です。このまま保存するにはもう一度 ctrl+s"
    ),
    "Reason": "理由",
    "optional: who asked for the delay, and why": "任意: 延期を頼んだ人と理由",
    "New line": "改行",
    "optional; enter saves, ctrl+j starts a new line": "任意。enter で保存、ctrl+j で改行",
    "Monday the week after next": "再来週の月曜日",
    "the 10th of next month": "来月の10日",
    "the first business day after the weekend": "週末明けの最初の営業日",
    "the last business day of this year": "今年最後の営業日",
    # issue 13: drafts
    "ctrl+d again to discard (the draft is kept otherwise)": (
        "もう一度 ctrl+d で破棄します（ほかのキーなら下書きは残ります）"
    ),
    "Kept as a draft: the form brings it back; ctrl+d twice there discards it": (
        "下書きとして残しました。同じフォームを開くと戻ります（ctrl+d を2回で破棄）"
    ),
    "Restored what you typed ({time}): ctrl+s saves it, ctrl+d twice discards it": (
        "入力途中の内容を復元しました（{time}）: ctrl+s で保存、ctrl+d を2回で破棄"
    ),
    "Restored the call you were typing ({time}): ctrl+s saves it, ctrl+d twice discards it": (
        "入力途中の通話記録を復元しました ({time})。ctrl+s で保存、ctrl+d を2回押すと破棄します"
    ),
    # issue 13: keys
    "type a name; Tab takes the suggestion": "名前を入力 (Tab で候補を確定)",
    "Press {key} to add a vendor": "{key} で業者を追加",
    # issue 14: input
    "The terminal is not sending UTF-8: what it sent could not be read and shows as �. "
    "Set the terminal's character encoding to UTF-8.": "端末が UTF-8 で送信していません。"
    "読めなかった文字は � で表示しています。端末の文字コードを UTF-8 に設定してください。",
    # issue 14: cliout
    "replace an existing output file": "既存の出力ファイルを置き換える",
    "No ledger at {path}": "{path} に台帳がありません",
    "{path} exists: give --force to replace it": (
        "{path} があります。置き換えるには --force を付けてください"
    ),
    "--limit must be at most {largest}": "--limit には {largest} 以下を指定してください",
    "{path} is not a Daicho ledger (not a regular file)": (
        "{path} は Daicho の台帳ではありません (通常のファイルではありません)"
    ),
    # issue 14: misc
    "{ledger} is open in a Daicho window: close it, then restore": (
        "{ledger} は Daicho の画面で開かれています。閉じてから復元してください"
    ),
    "the text is too large for the terminal's clipboard"
    " ({size} KB; terminals take about {limit} KB)": (
        "文字列が大きすぎて端末のクリップボードに送れません"
        " ({size} KB。端末が受け取れるのは約 {limit} KB)"
    ),
    # issue 14: swap
    "The ledger cannot be used: what you typed is kept in {path}": (
        "台帳は使えません。入力した内容は {path} に保存しました"
    ),
    # issue 14: importer
    "read a TOML or JSON export in": "TOML または JSON の書き出しファイルを取り込む",
    "add every row as a new one, with new ids, even where the ledger has the id": (
        "台帳に同じ ID があっても、すべての行を新しい ID で新規に追加する"
    ),
    "nothing new: all {count} rows are already in the ledger": (
        "新しい行はありません: {count} 行はすべて台帳にあります"
    ),
    "{counts}; {count} rows already there": "{counts}、{count} 行は取り込み済み",
    "the ledger has another row with this id (--as-new adds the rows as new ones)": (
        "台帳に同じ ID の別の行があります (--as-new で新しい行として追加できます)"
    ),
    "Not valid JSON: {reason}": "JSON として正しくありません: {reason}",
    "it is not a regular file": "通常のファイルではありません",
    "it is larger than {size} MB, the most an import reads": (
        "取り込める上限の {size} MB を超えています"
    ),
    "{field} is longer than {count} characters, the most a field may hold": (
        "{field} が 1 項目の上限の {count} 文字を超えています"
    ),
    "Cannot reach the ledger {url}: {reason}": "台帳 {url} に接続できません: {reason}",
    "The connection to the ledger {url} was lost ({reason}): nothing was saved."
    " Daicho connects again when the server is back": (
        "台帳 {url} との接続が切れました ({reason})。保存されていません。"
        "サーバーが戻りしだい再接続します"
    ),
    "The database holds tables of another program, not a ledger": (
        "このデータベースには別のプログラムの表があります。台帳ではありません"
    ),
    "The database was written by a newer Daicho (schema {found}; this one knows {known})": (
        "このデータベースは新しい版の Daicho で書かれています"
        " (スキーマ {found}、この版は {known} まで)"
    ),
    # who uses a shared ledger, and who takes care of a request (screens/user_name_form.py)
    "User name": "利用者名",
    "Start without": "名前なしで開始",
    "This ledger is shared: what you write shows who wrote it. Your name is kept in {path}; "
    "“{command}” in the command palette (ctrl+p) changes it. Escape starts without it.": (
        "この台帳は共有されています。記録には書いた人の名前が残ります。名前は {path} に"
        "保存され、コマンドパレット（ctrl+p）の「{command}」で変更できます。"
        "esc を押すと、名前なしで開始します。"
    ),
    "Started without a name: records you write will not say who wrote them. “{command}” in "
    "the command palette (ctrl+p) sets it.": (
        "名前なしで開始しました。あなたが書く記録には名前が残りません。"
        "コマンドパレット（ctrl+p）の「{command}」で設定できます。"
    ),
    "User name saved in {path}": "利用者名を {path} に保存しました",
    "Who you are on a shared ledger: what you write says so": (
        "共有台帳でのあなたの名前（記録に残ります）"
    ),
    "Assignee": "担当",
    "optional: who takes care of it": "任意: 担当する人",
    "by {name}": "記録: {name}",
    "changed by {name}": "更新: {name}",
    "assignee: {name}": "担当: {name}",
    "mine": "自分の担当",
    "Mine/everyone's": "自分/全員",
    "“Mine” needs your name: set it with “{command}” in the command palette (ctrl+p)": (
        "「自分の担当」には名前が必要です。"
        "コマンドパレット（ctrl+p）の「{command}」で設定してください"
    ),
    "shared: {ledger}": "共有: {ledger}",
    "A shared ledger on PostgreSQL needs its driver: pip install 'daicho[postgres]' ({reason})": (
        "PostgreSQL の共有台帳にはドライバーが必要です: pip install 'daicho[postgres]' ({reason})"
    ),
    # chasing and the day's list (DESIGN §12)
    "Chase": "催促",
    "Next chase": "次回催促日",
    "Snoozed until": "スヌーズ期限",
    "Only an open request waiting on the vendor can be chased": (
        "催促できるのは、先方の回答待ちで未完了の依頼だけです"
    ),
    '"main" or "today"': '"main" または "today"',
    # issue 18: the Today screen, the header's count and daicho today
    "Today": "今日やること",
    "Today {n}": "今日 {n}",
    "Overdue": "期限超過",
    "Due today": "今日が期限",
    "Due for a chase": "催促",
    "1 day overdue": "1日超過",
    "{days} days overdue": "{days}日超過",
    "chase date {day}": "催促予定日 {day}",
    "quiet {days} workdays": "{days}営業日 動きなし",
    "{days}d ago": "{days}日前",
    "chased {times}": "催促 {times}",
    "All clear: nothing needs you today": "何もありません — 今日やることはありません",
    "Snooze": "スヌーズ",
    "Back on": "再表示日",
    "back on: +3, fri, 12/1, 来週月曜": "再表示日: +3, 金, 12/1, 来週月曜",
    "Type the day it comes back": "再表示する日を入力してください",
    "Snooze to a day after today": "明日以降の日付を指定してください",
    "print the day's list: what needs you today": "今日やることの一覧を表示する",
    "print the list as JSON": "一覧を JSON で出力する",
    # issue 18: chasing in the UI, and the chase mail
    "Chased": "催促",
    "Next chase date": "次回催促日",
    "Next chase now": "現在の次回催促日",
    "Remove next chase date": "次回催促日を削除",
    "The next chase is a day after today": "次回催促日は明日以降の日付にしてください",
    "Type a date": "日付を入力してください",
    "Type a date, or ctrl+r to remove the next chase": (
        "日付を入力するか、ctrl+r で次回催促日を削除してください"
    ),
    "+3, fri, 11/30, 来週金曜": "来週金曜, 11/30, +3, 3営業日後",
    "optional: +3, fri, 来週金曜": "任意: 来週金曜, +3, 3営業日後",
    "optional: what was said": "任意: 伝えた内容",
    "chase": "催促",
    "next chase": "次回催促日",
    "snoozed": "スヌーズ",
    "Chasing": "催促対象",
    "ctrl+g: not a chase": "ctrl+g: 催促ではない",
    "Not a chase": "催促ではない",
    # issue 18: how fast each vendor answers (vendor detail, vendors pane, weekly report, due)
    "1 business day": "1営業日",
    "{days} business days": "{days}営業日",
    "Answers": "回答まで",
    "— (none in the last 12 months)": "—（直近12か月の回答なし）",
    "in {span} (1 answer, last 12 months)": "{span}（直近12か月・回答1件）",
    "in {span} (median of {count} answers, last 12 months)": (
        "中央値{span}（直近12か月・回答{count}件）"
    ),
    "{vendor}: {span}": "{vendor}：{span}",
    "{count} answers": "回答{count}件",
    "Take the suggested date": "提案の日付にする",
    "{why} → {due} (tab)": "{why} → {due}（tab）",
    "usually answers in {span}": "通常{span}で回答",
    # issue 19: contracts and renewals (the data core)
    "A contract needs its start date": "契約開始日を入力してください",
    "A notice period cannot be negative": "解約予告期間はマイナスにできません",
    "A notice period is in months or in days, not both": (
        "解約予告期間は月数か日数のどちらかで指定してください"
    ),
    "Cost per": "費用の単位",
    "Kind": "種類",
    "No contract with id {id}": "ID {id} の契約はありません",
    "Not a notice period: {text!r} (try 3か月前, 90日前 or 3 months)": (
        "解約予告期間として読めません: {text!r}（例: 3か月前、90日前）"
    ),
    "Only an active contract can be renewed": "更新できるのは有効な契約だけです",
    "Reminder days are between 1 and 3660": "リマインド日数は1〜3660日で指定してください",
    "Reminder days are numbers of days, like 90 30 7: not {text!r}": (
        "リマインド日数は「90 30 7」のように日数で指定してください: {text!r}"
    ),
    "Renewal": "更新",
    "The cost must be a whole number of yen": "費用は円単位の整数で入力してください",
    "The notice period is longer than the term": "解約予告期間が契約期間より長くなっています",
    "The renewal term must be at least a month": "更新期間は1か月以上にしてください",
    "The term must end after it starts": "契約終了日は開始日より後にしてください",
    "Contract name": "契約名",
    "{days} days' notice": "{days}日前",
    "{months} months' notice": "{months}か月前",
    "a month from 1 to 12": "1〜12の月",
    # issue 19: the 年度 report (costs and decisions per fiscal year)
    "Contracts report": "年度の契約一覧",
    # issue 19: export/import, CSV, search, timeline, daicho contracts, seeds
    "another reminder has the same contract, term and lead time": (
        "同じ契約・契約期間・リマインド日数のリマインドが他にあります"
    ),
    "{counts}, {contracts} contracts with {contract_events} history events and"
    " {contract_reminders} reminders": (
        "{counts}、契約 {contracts} 件 (履歴 {contract_events} 件、"
        "リマインド {contract_reminders} 件)"
    ),
    "contract": "契約",
    # issue 19: contracts — the screens (form, contracts, detail, vendor detail)
    "Contracts": "契約一覧",
    "Not a term: {text!r} (try 12, 12か月, 1年 or an end date)": (
        "契約期間として読めません: {text!r}（例: 12、12か月、1年、または終了日）"
    ),
    "A term is at most {months} months": "契約期間は最長{months}か月です",
    "A term given by its end needs the start date": "終了日で期間を指定するには開始日が必要です",
    "{end} is not the end of a term in whole months from the start": (
        "{end} は開始日から整数か月の期間の終了日になりません"
    ),
    "license / subscription": "ライセンス・サブスクリプション",
    "lease": "リース",
    "line": "回線",
    "support": "サポート",
    "auto-renews": "自動更新",
    "by agreement": "更新手続き",
    "no renewal": "満了",
    "in force": "有効",
    "ended": "満了",
    "cancelled (notice given)": "解約",
    "per month": "月額",
    "per year": "年額",
    "one-off": "一括",
    "(no contracts run in this fiscal year)": "（この年度に該当する契約はありません）",
    "Subtotal: {amounts}": "小計：{amounts}",
    "No. {number}": "契約番号 {number}",
    "Term: {span}": "契約期間：{span}",
    "Decide by (cancel-by): {dates}": "判断期限（解約期限）：{dates}",
    "Decide by (term ends): {dates}": "判断期限（満了日）：{dates}",
    "{first} – {last}": "{first}〜{last}",
    "{count} terms": "{count}期",
    "{months} months": "{months}か月",
    "Cost in the year: not entered": "年度内の費用：未記入",
    "Cost in the year: {cost}": "年度内の費用：{cost}",
    "tax included": "税込",
    "tax excluded": "税抜",
    "{cost} a month × {count}": "月額{cost}×{count}か月",
    "{cost} a year × {count}": "年額{cost}×{count}年",
    "{amount} tax included": "税込{amount}",
    "{amount} tax excluded": "税抜{amount}",
    "no costs entered": "費用の記載なし",
    "Tax included: {amount}": "税込：{amount}",
    "Tax excluded: {amount}": "税抜：{amount}",
    "¥{amount}": "{amount}円",
    "report needs --week or --contracts (add --fy YEAR for another 年度)": (
        "report には --week か --contracts を指定してください（別の年度は --fy 年）"
    ),
    "--fy goes with --contracts": "--fy は --contracts と一緒に指定してください",
    "--fy must be a year from {first} to {last}": "--fy は {first}〜{last} の年で指定してください",
    "a 年度's contracts per vendor: their cost in it and the decisions falling in it": (
        "年度の契約一覧（業者ごと）：年度内の費用と判断期限"
    ),
    "the 年度 of --contracts, by the year it starts in (default: this one)": (
        "--contracts の年度（始まる年で指定。省略時は今年度）"
    ),
    "Contracts report for the 年度": "年度の契約一覧レポート",
    "Previous 年度": "前年度",
    "Next 年度": "翌年度",
    "Per vendor the contracts running in a 年度, their cost in it and its decisions": (
        "業者ごとに、年度内の契約・費用・判断期限"
    ),
    # issue 19: reminders and Today
    "{date} ({weekday})": "{date}({weekday})",
    "Renewal decision: {title} — cancel by {day}": "更新判断: {title} — 解約期限 {day}",
    "Renewal decision: {title} — ends {day}": "更新判断: {title} — 契約満了 {day}",
    "cancel by {day} passed": "解約期限を過ぎました {day}",
    "cancel by {day}, today": "解約期限 {day} 今日",
    "cancel by {day}, tomorrow": "解約期限 {day} 明日",
    "cancel by {day}, in {days} days": "解約期限 {day} まで{days}日",
    "ends {day}, today": "契約満了 {day} 今日",
    "ends {day}, tomorrow": "契約満了 {day} 明日",
    "ends {day}, in {days} days": "契約満了 {day} まで{days}日",
    "Contract decisions": "契約の更新判断",
    "From contract": "元の契約",
    "contract added": "契約を登録",
    "contract renewed": "契約を更新",
    "contract ended": "契約が満了",
    "contract cancelled": "契約を解約",
    "{start} to {end}": "{start}〜{end}",
    "notice given {day}": "解約通知 {day}",
    "print every contract with its dates": "すべての契約を期限とともに表示する",
    "print the contracts as JSON": "契約を JSON で表示する",
    "No contracts yet": "契約はまだありません",
    "term ends {day}": "契約終了 {day}",
    "cancel by {day}": "解約期限 {day}",
    "decide by {day}": "判断期限 {day}",
    "Contract number": "契約番号",
    "Start": "開始日",
    "Term": "契約期間",
    "Renewal term": "更新後の期間",
    "Notice": "解約予告",
    "Reminders": "リマインド",
    "Cost": "費用",
    "Tax": "税",
    "Cancel the contract": "契約の解約",
    "Contract": "契約",
    "today, 12/1, 昨日": "今日、12/1、昨日",
    "Notice given on": "解約を通知した日",
    "Type the day notice was given": "解約を通知した日を入力してください",
    "Notice cannot be given after today": "解約の通知日に未来の日付は指定できません",
    "Contract detail": "契約の詳細",
    "term {number}: {start} to {end} ({months} months)": (
        "第{number}期: {start}〜{end}（{months}か月）"
    ),
    "term {number}, {days} days before {day}": "第{number}期・{day}の{days}日前",
    "Renew": "更新",
    "End": "満了",
    "{days} days": "{days}日",
    "Cancel (notice given)": "解約",
    "Contract #{id}": "契約 #{id}",
    "Renewed: term {number}, {start} to {end}": "更新しました: 第{number}期 {start}〜{end}",
    "from {day}": "{day}から",
    "None yet": "まだありません",
    "request #{id}": "依頼 #{id}",
    "tax not included": "税抜",
    "Current term": "現在の契約期間",
    "Cancel by": "解約期限",
    "Decide by": "判断期限",
    "{days} days before": "{days}日前",
    "renewed": "更新",
    "reopened": "再開",
    "reminder": "リマインド",
    "Reminders fired": "送られたリマインド",
    "term ends {end} · cancel by {cancel} · decide by {decision}": (
        "契約終了 {end}・解約期限 {cancel}・判断期限 {decision}"
    ),
    "— (type the start and the term)": "—（開始日と期間を入力してください）",
    "Edit contract": "契約の編集",
    "New contract": "新しい契約",
    "start: 2026-04-01, 4/1, 今日": "開始日: 2026-04-01、4/1、今日",
    "12, 12か月, 1年 or the last day": "12、12か月、1年、または終了日",
    "same as the term": "契約期間と同じ",
    "Works out to": "算出日",
    "Reminders (days before)": "リマインド（何日前）",
    "Cost (yen)": "費用（円）",
    "3か月前, 90日前, 3 months": "3か月前、90日前",
    "optional: ¥12,000": "任意: ¥12,000",
    "by decision date": "判断期限順",
    "by vendor": "業者順",
    "by term end": "契約終了順",
    "{count} of {total}": "{total}件中{count}件",
    "Fiscal year": "年度",
    "Fiscal year report": "年度レポート",
    "FY {year}": "{year}年度",
    "No contracts here: n adds one": "契約はまだありません: n で追加します",
    "No contract matches these filters": "この絞り込みに合う契約はありません",
    "this vendor": "この業者",
    "/mo": "/月",
    "/yr": "/年",
    " once": " 一括",
    "Term ends": "契約終了",
    "No contracts yet: C adds one": "契約はまだありません: C で追加します",
    "no request": "依頼なし（より近いリマインドで通知）",
}
