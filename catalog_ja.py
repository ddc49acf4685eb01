"""Japanese for every user-facing English string (the message id).

tests/test_i18n.py fails when a string passed to `_()` has no entry here,
when an entry's placeholders differ from the English, or when an entry is unused.
"""

JA: dict[str, str] = {
    # the app
    "Ledger: {path}": "台帳: {path}",
    "Quit": "終了",
    "Overdue {overdue} · due today {due_today} · we owe {we_owe} · waiting {waiting}": (
        "期限切れ {overdue} · 今日期限 {due_today} · こちら対応 {we_owe} · 先方待ち {waiting}"
    ),
    # command line
    "Seeded {path}: {summary}": "{path} にサンプルデータを作成しました: {summary}",
    "Imported {summary}": "取り込みました: {summary}",
    "the ledger file (default: $DAICHO_DB, else the user data directory)": (
        "台帳ファイル (既定: $DAICHO_DB、なければユーザーデータディレクトリ)"
    ),
    "The vendor ledger for a one-person IT department.": "ひとり情シスのための業者台帳。",
    "open the app on a fresh temporary ledger of sample data": (
        "サンプルデータ入りの一時台帳でアプリを開く"
    ),
    "write the whole ledger out": "台帳全体を書き出す",
    "file to write (a directory for csv); default: standard output": (
        "書き出し先ファイル (csv はディレクトリ)。既定: 標準出力"
    ),
    "read a TOML export in": "TOML の書き出しファイルを取り込む",
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
    "The request is already {status}": "この依頼はすでに「{status}」です",
    # field names
    "Vendor name": "業者名",
    "Contact name": "担当者名",
    "Category": "分類",
    "Status": "状態",
    "Priority": "優先度",
    "Direction": "方向",
    "Channel": "手段",
    "Subject": "件名",
    "Note": "メモ",
    "Sort": "並び順",
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
}
