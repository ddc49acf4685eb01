"""What a name is matched and found by, however it was typed: its kind of company written in
any of its forms, and kanji written in their older or variant forms (異体字).

- The kinds of company: `株式会社`, `(株)`, `（株）` and `㈱` are one (NFKC makes the last
  two `(株)`), and so are `有限会社`, `(有)`, `㈲`; `合同会社`, `(同)` and the other bodies'
  short forms. Search and matching write each in full (`full_legal_forms`), with no space
  beside it, and match it wherever it stands, before the name or after it.
- Variant kanji: `髙橋` is found by `高橋` and the other way round; `﨑`, `邊`, `澤`, `齋`…
  are their common forms (`standard_kanji`). The names keep what was typed.

Readings (data/names/readings.py) leave the kinds of company out, and read variants as the common
kanji they stand for.
"""

import re
import unicodedata

# The kinds of company and other bodies, as written in a name (after NFKC), and as read.
LEGAL_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "相互会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "NPO法人",
    "社会福祉法人",
    "学校法人",
    "医療法人",
    "宗教法人",
    "独立行政法人",
    "有限責任事業組合",
)
# The short forms in parentheses (㈱ and （株） are (株) after NFKC) and what they stand for.
_SHORT_FORMS = {
    "株": "株式会社",
    "有": "有限会社",
    "同": "合同会社",
    "資": "合資会社",
    "名": "合名会社",
    "社": "社団法人",
    "財": "財団法人",
    "医": "医療法人",
    "学": "学校法人",
    "福": "社会福祉法人",
    "宗": "宗教法人",
    "独": "独立行政法人",
    "一社": "一般社団法人",
    "一財": "一般財団法人",
    "公社": "公益社団法人",
    "公財": "公益財団法人",
    "特非": "特定非営利活動法人",
}
_SHORT_FORM = re.compile(r"\((" + "|".join(_SHORT_FORMS) + r"|合)\)")  # (合): which, unknown
_LONGEST_FIRST = sorted({*LEGAL_FORMS, *_SHORT_FORMS.values()}, key=len, reverse=True)
_WRITTEN_FORM = re.compile("|".join(map(re.escape, _LONGEST_FIRST)), re.IGNORECASE)
_LEGAL_FORM = re.compile(f"{_WRITTEN_FORM.pattern}|{_SHORT_FORM.pattern}", re.IGNORECASE)
# A kind of company as written in full, and as any of its forms, with the spaces beside it.
FULL_LEGAL_FORM = re.compile(rf"\s*(?:{_WRITTEN_FORM.pattern})\s*", re.IGNORECASE)
SPACED_LEGAL_FORM = re.compile(rf"\s*(?:{_LEGAL_FORM.pattern})\s*", re.IGNORECASE)
LEGAL_FORM_READINGS = (
    "かぶしきがいしゃ",
    "かぶしきかいしゃ",
    "ゆうげんがいしゃ",
    "ゆうげんかいしゃ",
    "ごうどうがいしゃ",
    "ごうどうかいしゃ",
    "ごうしがいしゃ",
    "ごうしかいしゃ",
    "ごうめいがいしゃ",
    "ごうめいかいしゃ",
    "そうごがいしゃ",
    "いっぱんしゃだんほうじん",
    "いっぱんざいだんほうじん",
    "こうえきしゃだんほうじん",
    "こうえきざいだんほうじん",
    "とくていひえいりかつどうほうじん",
    "しゃかいふくしほうじん",
    "がっこうほうじん",
    "いりょうほうじん",
    "しゅうきょうほうじん",
    "どくりつぎょうせいほうじん",
)
_LEGAL_FORM_READING = re.compile(
    "^(?:" + "|".join(LEGAL_FORM_READINGS) + ")|(?:" + "|".join(LEGAL_FORM_READINGS) + ")$"
)

# Variant kanji common in names, each to the form in everyday use. Only true variants: 斉
# and 斎 are two kanji (斉藤, 斎藤 are different names), so 齊 is 斉 and 齋 is 斎.
_VARIANTS = {
    "髙": "高",
    "﨑": "崎",
    "嵜": "崎",
    "碕": "崎",
    "邊": "辺",
    "邉": "辺",
    "澤": "沢",
    "齋": "斎",
    "齊": "斉",
    "濱": "浜",
    "濵": "浜",
    "廣": "広",
    "德": "徳",
    "櫻": "桜",
    "國": "国",
    "嶋": "島",
    "嶌": "島",
    "峯": "峰",
    "檜": "桧",
    "萬": "万",
    "龍": "竜",
    "瀧": "滝",
    "淵": "渕",
    "舘": "館",
    "冨": "富",
    "眞": "真",
    "實": "実",
    "惠": "恵",
    "榮": "栄",
    "藏": "蔵",
    "彌": "弥",
    "壽": "寿",
    "學": "学",
    "會": "会",
    "當": "当",
    "豐": "豊",
    "槇": "槙",
    "淺": "浅",
    "澁": "渋",
    "瀨": "瀬",
    "靜": "静",
    "鐵": "鉄",
    "關": "関",
    "亞": "亜",
    "條": "条",
    "來": "来",
    "綠": "緑",
    "禮": "礼",
    "黑": "黒",
    "圓": "円",
    "𠮷": "吉",
}
_STANDARD = str.maketrans(_VARIANTS)
_ANY_VARIANT = re.compile(f"[{''.join(_VARIANTS)}]")


def standard_kanji(text: str) -> str:
    """`text` with variant kanji as their common forms (髙橋 as 高橋). Most text has none,
    and looking costs a tenth of translating: search folds every candidate's text."""
    return text.translate(_STANDARD) if _ANY_VARIANT.search(text) else text


def may_hold_legal_form(text: str) -> bool:
    """Whether `text` (after NFKC) may name a kind of company: each form holds one of these,
    and looking for them is far quicker than SPACED_LEGAL_FORM on text without any."""
    return "(" in text or "会社" in text or "法人" in text or "組合" in text


def full_legal_forms(text: str) -> str:
    """`text` (after NFKC) with each kind of company written in full, no space beside it:
    `(株) 常盤` and `株式会社 常盤` are both `株式会社常盤`. `(合)`, which could be any of
    three, stays as it is."""
    return SPACED_LEGAL_FORM.sub(legal_form_in_full, text)


def legal_form_in_full(match: re.Match) -> str:
    """What a match of SPACED_LEGAL_FORM is written as: the kind of company in full."""
    short = match[1]
    if short is None:
        return match.group().strip()
    return _SHORT_FORMS.get(short, f"({short})")


def legal_forms_apart(text: str) -> list[str]:
    """`text` as words: the rest, then each kind of company written in full (`常盤事務機(株)`
    is `常盤事務機`, `株式会社`), so that a name is found whichever end its kind of company
    was typed at."""
    full = full_legal_forms(text)
    rest = [piece.strip() for piece in FULL_LEGAL_FORM.split(full)]
    forms = [match.group().strip() for match in FULL_LEGAL_FORM.finditer(full)]
    return [word for word in [*rest, *forms] if word]


def without_legal_form(text: str) -> str:
    """`text` without the words for the kind of company: written (株式会社, (株)) anywhere,
    read (かぶしきがいしゃ) at either end. Text that is nothing else stays as it is."""
    normal = unicodedata.normalize("NFKC", text)
    left = " ".join(_LEGAL_FORM.sub(" ", normal).split())
    left = " ".join(_LEGAL_FORM_READING.sub("", left).split())
    return left or " ".join(normal.split())
