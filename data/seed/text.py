"""The sample ledger's text: subjects, call memos, decisions, request bodies, memos, answers.

This is content, not UI text: it goes through no catalog, but comes in Japanese and English
pairs, so a demo can be written in the UI's language (`Phrases`). Templates take `{item}`
(a thing the vendor's category deals in), `{n}`, `{person}`, `{price}`, `{ticket}`,
`{date}` and `{hour}`. `Phrases` fills them in once per seed, so that writing 100,000
call notes is a few weighted picks among ready lines each, not string work.
"""

from collections.abc import Sequence
from datetime import date
from itertools import accumulate
from random import Random

from daicho.data.seed.names import SURNAMES

# (Japanese, English) things each category deals in.
ITEMS = {
    "hardware": (("ノートPC", "laptops"), ("複合機", "multifunction printer"),
                 ("モニタ", "monitors"), ("ドッキングステーション", "docking stations"),
                 ("ラベルプリンタ", "label printer"), ("タブレット", "tablets"), ("UPS", "UPS")),
    "telecom": (("光回線", "fiber line"), ("社用携帯", "company phones"),
                ("VPNルータ", "VPN router"), ("代表電話", "main phone line"),
                ("ビジネスフォン", "office phones"), ("モバイルWi-Fi", "mobile Wi-Fi")),
    "software": (("会計ソフト", "accounting software"), ("ウイルス対策ソフト", "antivirus"),
                 ("CADライセンス", "CAD licenses"), ("販売管理システム", "sales system"),
                 ("勤怠管理システム", "attendance system"), ("資産管理ツール", "asset tool")),
    "cloud": (("M365ライセンス", "M365 licenses"), ("クラウドバックアップ", "cloud backup"),
              ("ファイルサーバ移行", "file server migration"), ("メールサーバ", "mail server"),
              ("DNS設定", "DNS settings"), ("VDI", "VDI")),
    "maintenance": (("基幹システム", "core business system"), ("サーバ保守", "server upkeep"),
                    ("LAN配線工事", "LAN cabling"), ("無線LAN", "Wi-Fi"), ("NAS", "NAS"),
                    ("入退室管理", "door access system")),
    "other": (("社内研修", "staff training"), ("オフィス移転", "office move"), ("備品", "supplies"),
              ("電気工事", "electrical work"), ("機器のリース", "equipment lease"),
              ("廃棄PCの回収", "PC disposal")),
}  # fmt: skip

CALL_SUBJECTS = {
    False: ("{item}の件", "{item}の不具合", "{item}の見積について", "{item}の納期について",
            "{item}の更新案内", "{item}の設定変更", "訪問日程の調整", "請求書の件", "定例連絡"),
    True: ("About the {item}", "{item} issue", "{item} quote", "{item} delivery",
           "{item} renewal", "Visit schedule", "Invoice question", "Monthly check-in"),
}  # fmt: skip
COLD_CALL_SUBJECTS = {
    False: ("新サービスのご案内", "{item}のご提案(飛び込み)", "{item}の無料診断のご案内"),
    True: ("Introducing our {item}", "A free {item} check for your office"),
}

NOTE_SENTENCES = {
    False: (
        "朝から{item}が断続的に使えないと社内から{n}件問い合わせがあり、先方に状況を確認した。",
        "{person}さんより、{item}は現在在庫が少なく納期が読めないとの説明あり。",
        "見積は{n}台分で依頼。保守費用は別建てで出してもらう。",
        "再起動で一旦復旧したが原因は不明。再発したらログを取って連絡する。",
        "来週中に回答をもらう約束。期限を過ぎたらこちらから催促する。",
        "保守契約の範囲内で対応可能との回答。追加費用はかからない。",
        "社長から至急対応するよう指示があった旨を伝え、優先度を上げてもらった。",
        "前回の通話の決定事項を読み上げて認識を合わせた。",
        "ログ一式をメールで送付済み。先方で解析するとのこと。",
        "リモートで確認してもらったが、現地調査が必要との判断。",
        "担当者変更の連絡あり。後任は{person}さん、引継ぎは今月中。",
        "{item}のファームウェア更新を推奨された。作業は業務時間外に実施予定。",
        "ライセンスの更新期限は年度末。利用人数を棚卸ししてから回答する。",
        "請求書の宛先を総務部に変更してほしい旨を伝えた。",
        "納品は{n}営業日後の見込み。確定したらメールで連絡をもらう。",
        "費用感は月額{price}円程度。稟議に回すため正式な見積書を依頼した。",
        "担当の{person}さんは外出中で、夕方に折り返しの電話をもらう。",
        "言った言わないにならないよう、決定事項は通話後にメールで送る。",
        "VPNの接続ログを確認したところ、夜間にタイムアウトが多発していた。",
        "Windows Update後から{item}に接続できない端末が{n}台ある。",
        "Teams会議で画面共有しながら設定を一緒に確認した。",
        "ONUのランプが赤点滅していたため、回線業者への切り分けを依頼。",
        "代替機を手配してもらい、旧機器の回収は納品時に対応とのこと。",
        "見積の有効期限は30日。予算の都合で来期に回す可能性も伝えた。",
        "契約書のドラフトを来週送付予定。法務確認に1週間ほど見ておく。",
        "キッティングは{n}台で2日ほど。資産番号シールも貼ってもらう。",
        "先方の受付番号は{ticket}。問い合わせ時はこの番号を伝えること。",
        "停電試験の日はサーバを停止する必要あり。手順書をもらう。",
        "他社の見積と比較中である旨を伝えた。値引きは検討するとのこと。",
        "障害は先方の設備側の問題と判明。復旧報告書を後日送ってもらう。",
    ),
    True: (
        "Called about the {item}; {n} users report problems since this morning.",
        "Error 0x80070005 (access denied) on {n} PCs after the update.",
        "Ping to 192.168.10.1 times out every few minutes.",
        "Ticket #{ticket} opened on their support portal.",
        "They will send a quote for {n} units by Friday.",
        "Firmware update recommended for the {item}; to be done after hours.",
        "Rebooted the {item}; working again for now, root cause unknown.",
        "Delivery expected in {n} business days, confirmation to follow by email.",
        "Renewal date is the end of the fiscal year.",
        "Their engineer will come on site to check the wiring.",
        "No extra charge within the maintenance contract.",
        "Price is about {price} yen per month before discount.",
        "{person}-san is out of the office; they will call back tomorrow.",
        "Shared the screen on Teams to check the settings together.",
        "Old devices will be collected at delivery.",
        "Logs sent by email for their analysis.",
        "Need approval from the president before ordering.",
        "Read back the decisions from the last call to make sure we agree.",
    ),
}  # fmt: skip

DECISIONS = {
    False: (
        "工事日を{date} {hour}時に決定", "訪問日を{date} {hour}時に決定", "納品日は{date}で確定",
        "見積は{date}までに送付いただく", "{item}は{n}台で発注", "次回打合せは{date} {hour}時から",
        "費用は保守契約内で対応(追加費用なし)", "回答期限は{date}", "旧機器は納品時に回収",
        "{item}の交換は先方負担で実施", "再発時はログを取得して連絡", "契約更新は現行条件で継続",
    ),
    True: (
        "Site work on {date} at {hour}:00", "Quote to arrive by {date}", "Order {n} {item}",
        "Next meeting on {date} at {hour}:00", "No extra charge (covered by the contract)",
        "Answer due {date}", "They replace the {item} at their cost",
    ),
}  # fmt: skip

REQUEST_SUBJECTS = {
    ("outbound", False): ("{item}の見積依頼", "{item}の障害調査", "{item}の納期確認",
                          "{item}の保守契約更新の条件確認", "{item}の設定変更依頼",
                          "{item}の仕様確認", "{item}の追加発注", "請求書の再発行依頼"),
    ("inbound", False): ("{item}の台数確認", "MDM情報の記入({item})", "{item}関連書類の送付",
                         "{item}の利用状況アンケート回答", "注文書の返送", "工事立会い日の回答",
                         "アカウント棚卸し結果の返送", "{item}の設置場所の確認"),
    ("outbound", True): ("Quote for the {item}", "Investigate the {item} outage",
                         "Confirm the {item} delivery date", "Renewal terms for the {item}",
                         "Change the {item} settings"),
    ("inbound", True): ("Confirm the {item} count", "Fill in MDM details for the {item}",
                        "Send the signed order form", "Answer the {item} usage survey",
                        "Pick a date for the site survey"),
}  # fmt: skip
# The prefix of a request the president asked for, and the line its memo starts with: the
# desk's own words, never the vendor's to read.
PRESIDENT_ORDER = {
    False: ("【社長オーダー】", "社長オーダー。最優先で対応すること。"),
    True: ("[President's order] ", "The president's order: top priority."),
}
# Lines about a request, by who asked whom (outbound we asked, inbound they did), each marked
# internal or not: what is asked (the body, which may go to the vendor) or the desk's own
# remark (the memo, which stays inside).
ASK, MEMO = False, True
REQUEST_LINES = {
    ("outbound", False): (
        ("{item}の件、正式にご依頼申し上げます。", ASK), ("数量は{n}台でお願いいたします。", ASK),
        ("期限までにメールにてご回答いただけますと幸いです。", ASK),
        ("相見積もりを取る予定。先方には伝えていない。", MEMO),
        ("前回の見積との差分も分かるようにしてほしいと電話で伝えた。", MEMO),
    ),
    ("inbound", False): (
        ("期限までにメールにてご回答いたします。", ASK),
        ("{item}の台数は社内の棚卸し結果をもとに回答する。", MEMO),
        ("記入用のExcelシートに記入のうえ、メールにてご返送いたします。", ASK),
        ("押印が必要なため総務に回付する。", MEMO), ("不明点は{person}さんに確認すること。", MEMO),
    ),
    ("outbound", True): (
        ("Following up on our call about the {item}.", ASK),
        ("A quote for {n} units, please.", ASK),
        ("Please answer by email before the due date.", ASK),
        ("Getting a competing quote too; not mentioned to them.", MEMO),
    ),
    ("inbound", True): (
        ("We will answer by email before the due date.", ASK),
        ("We will fill in the Excel sheet and send it back by email.", ASK),
        ("Needs a stamp from general affairs first.", MEMO),
        ("Ask {person}-san if anything is unclear.", MEMO),
    ),
}  # fmt: skip
ANSWERS = {
    ("outbound", False): (
        "見積書をメールで受領。", "原因は機器の故障。交換で復旧。",
        "納期は来週水曜の見込みと回答あり。", "設定変更完了の連絡あり。動作確認済み。",
        "{item}は在庫あり、{n}営業日で納品可能との回答。",
    ),
    ("inbound", False): (
        "{item}の台数を回答済み({n}台)。", "MDM登録シートを記入して返送済み。", "書類を郵送済み。",
        "メールで回答済み。",
    ),
    ("outbound", True): (
        "Quote received by email.", "They replaced the faulty unit; fixed.",
        "Delivery confirmed for next week.", "Settings changed; checked that it works.",
    ),
    ("inbound", True): (
        "Sent the filled-in sheet.", "Answered by email ({n} units).",
        "Signed form sent back by post.",
    ),
}  # fmt: skip
# (Japanese, English) notes of a request's history, picked with `pick`.
CLOSE_NOTES = (
    ("対応完了を確認", "Confirmed done"),
    ("社内への展開も完了", "Rolled out to staff too"),
    ("完了報告を受領", "Completion report received"),
    ("", ""),
)
CANCEL_NOTES = (
    ("先方都合により中止", "Cancelled on their side"),
    ("社内で不要になったため取り下げ", "Withdrawn: no longer needed"),
    ("別業者で対応済み", "Done by another vendor"),
    ("予算が付かず見送り", "Dropped: no budget"),
)
FOLLOW_UP_NOTES = (
    ("先方に催促の電話をした", "Called them to chase it"),
    ("担当者不在、折り返し待ち", "Contact out; waiting for a call back"),
    ("メールで催促した", "Reminder sent by email"),
    ("社長に進捗を報告", "Told the president how it stands"),
)
REDATE_NOTES = (("先方都合で延期", "Moved at their request"),
                ("部品入荷待ちのため延期", "Moved: waiting for parts"),
                ("社内の都合で延期", "Moved for reasons of our own"))  # fmt: skip

WEEKDAYS_JA = "月火水木金土日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


_NUMBERS = (2, 3, 5, 8, 10, 12, 15, 20, 30, 50)
_HOURS = (9, 10, 11, 13, 14, 15, 16)
_OTHER_LANGUAGE_SHARE = 0.15  # of a bilingual note's lines: English errors in Japanese notes


def pick(rng: Random, pairs: Sequence[tuple[str, str]], english: bool) -> str:
    """One of (Japanese, English) `pairs`, in English or not: the same draw either way."""
    return rng.choice(pairs)[english]


def english_for(language: str | None, foreign: bool) -> bool:
    """Whether what the desk keeps about a vendor (notes, roles) is in English: always in an
    English ledger; otherwise for a foreign vendor only."""
    return language == "en" or foreign


class Phrases:
    """The pools with their placeholders filled once per seed, so each text is a cheap pick.

    `language` "ja" or "en" writes everything in that language, but for foreign vendors'
    calls in a Japanese ledger, which stay English as their Japan offices mostly write; None
    mixes both, as a bilingual desk does (the benchmark's large ledgers).
    """

    def __init__(self, rng: Random, note_length: int, language: str | None = None):
        self._rng = rng
        self.language = language
        self._call_subjects: dict[tuple[str, bool], list[str]] = {}
        self._cold_subjects: dict[tuple[str, bool], list[str]] = {}
        self._notes: dict[tuple[str, bool], tuple[list[str], list[float], float]] = {}
        for category in ITEMS:
            for english in (False, True):
                key = category, english
                self._call_subjects[key] = self._fill(CALL_SUBJECTS[english], category, english)
                self._cold_subjects[key] = self._fill(
                    COLD_CALL_SUBJECTS[english], category, english
                )
                self._notes[key] = self._note_pool(category, english, note_length)

    def _values(self, category: str, english: bool) -> dict[str, object]:
        """Values for every placeholder but `{date}` and `{hour}`."""
        rng = self._rng
        surname = rng.choice(SURNAMES)
        return {
            "item": rng.choice(ITEMS[category])[english],
            "n": rng.choice(_NUMBERS),
            "person": surname[2].capitalize() if english else surname[0],
            "price": f"{rng.randrange(5, 300) * 1000:,}",
            "ticket": rng.randint(100000, 999999),
        }

    def _fill(self, templates: tuple[str, ...], category: str, english: bool) -> list[str]:
        """Each template once per item of the category (once if it names no item)."""
        items = [pair[english] for pair in ITEMS[category]]
        return [
            template.format(**{**self._values(category, english), "item": item})
            for template in templates
            for item in (items if "{item}" in template else items[:1])
        ]

    def _note_pool(self, category: str, english: bool, note_length: int):
        """(lines, cumulative weights, mean number of lines for `note_length` characters)."""
        lines = self._fill(NOTE_SENTENCES[english], category, english)
        share = _OTHER_LANGUAGE_SHARE if self.language is None else 0.0  # bilingual desks only
        weights = [(1 - share) / len(lines)] * len(lines)
        if share:
            other = self._fill(NOTE_SENTENCES[not english], category, not english)
            weights += [share / len(other)] * len(other)
            lines += other
        mean_line = sum(w * (len(line) + 1) for w, line in zip(weights, lines, strict=True))
        return lines, list(accumulate(weights)), max(1.0, note_length / mean_line)

    def writes_english(self, foreign: bool) -> bool:
        """Whether one call or request is written in English."""
        if self.language == "en":
            return True
        if self.language == "ja" and not foreign:
            return False
        return self._rng.random() < (0.7 if foreign else 0.05)

    def president_order(self, subject: str, memo: str) -> tuple[str, str]:
        """A request's subject and memo marked as the president's order, in the desk's words."""
        prefix, line = PRESIDENT_ORDER[self.language == "en"]
        return prefix + subject, f"{line}\n{memo}".strip()

    def call_subject(self, category: str, english: bool, cold: bool = False) -> str:
        """A call's subject line; a `cold` call is a sales pitch."""
        subjects = self._cold_subjects if cold else self._call_subjects
        return self._rng.choice(subjects[category, english])

    def request(self, direction: str, category: str, english: bool) -> tuple[str, str, str, str]:
        """(subject, body, memo, answer) of a request about one item; the answer for when it is."""
        rng = self._rng
        values = self._values(category, english)
        lines = rng.sample(REQUEST_LINES[direction, english], rng.randint(0, 2))

        def joined(internal: bool) -> str:
            picked = (text.format(**values) for text, memo in lines if memo == internal)
            return (" " if english else "").join(picked)

        return (
            rng.choice(REQUEST_SUBJECTS[direction, english]).format(**values),
            joined(ASK),
            joined(MEMO),
            rng.choice(ANSWERS[direction, english]).format(**values),
        )

    def note(self, category: str, english: bool) -> str:
        """A call's internal memo, one line per sentence, mostly in the call's language."""
        lines, cum_weights, mean = self._notes[category, english]
        count = max(1, round(self._rng.uniform(1, 2 * mean - 1)))
        return "\n".join(self._rng.choices(lines, cum_weights=cum_weights, k=count))

    def decision(self, category: str, english: bool, day: date) -> str:
        """One line of what was agreed, dated `day` where the line names a date."""
        rng = self._rng
        if english:
            when = f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]}"
        else:
            when = f"{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
        return rng.choice(DECISIONS[english]).format(
            date=when,
            hour=rng.choice(_HOURS),
            item=rng.choice(ITEMS[category])[english],
            n=rng.choice(_NUMBERS),
        )
