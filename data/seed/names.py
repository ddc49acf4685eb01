"""Name pools for the sample directory: fictional companies, people, roles and tags.

This is content, not UI text: it goes through no catalog; notes and tags come as (Japanese,
English) pairs for a demo in either language. The company names are made
up; websites and email addresses use example.jp and example.com, domains reserved for
examples, so a copied sample email can never reach a real company.
"""

CATEGORY_WEIGHTS = {
    "hardware": 22,
    "software": 22,
    "telecom": 15,
    "cloud": 16,
    "maintenance": 15,
    "other": 10,
}

# (name, reading, romaji for the web domain) of fictional Japanese companies.
JA_STEMS = (
    ("青葉", "あおば", "aoba"), ("朝日", "あさひ", "asahi"), ("東和", "とうわ", "towa"),
    ("北斗", "ほくと", "hokuto"), ("三協", "さんきょう", "sankyo"), ("大和", "やまと", "yamato"),
    ("富士見", "ふじみ", "fujimi"), ("桜井", "さくらい", "sakurai"), ("東邦", "とうほう", "toho"),
    ("光陽", "こうよう", "koyo"), ("中央", "ちゅうおう", "chuo"),
    ("武蔵野", "むさしの", "musashino"), ("湘南", "しょうなん", "shonan"),
    ("千代田", "ちよだ", "chiyoda"), ("日栄", "にちえい", "nichiei"),
    ("新光", "しんこう", "shinko"), ("協和", "きょうわ", "kyowa"), ("共栄", "きょうえい", "kyoei"),
    ("双葉", "ふたば", "futaba"), ("若葉", "わかば", "wakaba"), ("白鷺", "しらさぎ", "shirasagi"),
    ("銀河", "ぎんが", "ginga"), ("明星", "みょうじょう", "myojo"), ("太陽", "たいよう", "taiyo"),
    ("関東", "かんとう", "kanto"), ("東海", "とうかい", "tokai"), ("北陸", "ほくりく", "hokuriku"),
    ("瀬戸", "せと", "seto"), ("浪速", "なにわ", "naniwa"), ("京浜", "けいひん", "keihin"),
    ("日進", "にっしん", "nisshin"), ("菱和", "りょうわ", "ryowa"), ("翔栄", "しょうえい", "shoei"),
    ("秀和", "しゅうわ", "shuwa"), ("泰平", "たいへい", "taihei"), ("飛鳥", "あすか", "asuka"),
    ("みらい", "みらい", "mirai"), ("ひかり", "ひかり", "hikari"), ("つばさ", "つばさ", "tsubasa"),
    ("あおぞら", "あおぞら", "aozora"), ("エムケイ", "えむけい", "mk"),
    ("ネクスト", "ねくすと", "next"), ("アクシス", "あくしす", "axis"),
    ("ユニオン", "ゆにおん", "union"), ("プライム", "ぷらいむ", "prime"),
    ("サンライズ", "さんらいず", "sunrise"), ("日本橋", "にほんばし", "nihonbashi"),
    ("多摩", "たま", "tama"), ("相模", "さがみ", "sagami"), ("常盤", "ときわ", "tokiwa"),
    ("高輪", "たかなわ", "takanawa"), ("芝浦", "しばうら", "shibaura"), ("葵", "あおい", "aoi"),
)  # fmt: skip

# What a Japanese company name says it does, by category: (suffix, reading, romaji).
JA_SUFFIXES = {
    "hardware": (
        ("電機", "でんき", "denki"), ("OA機器", "おーえーきき", "oa"),
        ("事務機", "じむき", "jimuki"), ("情報機器", "じょうほうきき", "johokiki"),
        ("デバイス", "でばいす", "device"), ("パソコンセンター", "ぱそこんせんたー", "pc"),
    ),
    "telecom": (
        ("通信", "つうしん", "tsushin"), ("テレコム", "てれこむ", "telecom"),
        ("ネットワークス", "ねっとわーくす", "networks"), ("通信工業", "つうしんこうぎょう", "tk"),
        ("回線サービス", "かいせんさーびす", "kaisen"),
        ("コミュニケーションズ", "こみゅにけーしょんず", "comm"),
    ),
    "software": (
        ("システム", "しすてむ", "system"), ("ソフトウェア", "そふとうぇあ", "software"),
        ("ソリューションズ", "そりゅーしょんず", "solutions"),
        ("情報システム", "じょうほうしすてむ", "jsys"),
        ("システム開発", "しすてむかいはつ", "sysdev"), ("ソフト開発", "そふとかいはつ", "soft"),
    ),
    "cloud": (
        ("クラウド", "くらうど", "cloud"), ("データセンター", "でーたせんたー", "dc"),
        ("ネットサービス", "ねっとさーびす", "net"), ("クラウドサービス", "くらうどさーびす", "cs"),
        ("ホスティング", "ほすてぃんぐ", "hosting"), ("デジタル", "でじたる", "digital"),
    ),
    "maintenance": (
        ("システムサービス", "しすてむさーびす", "ss"),
        ("テクノサービス", "てくのさーびす", "techno"), ("設備", "せつび", "setsubi"),
        ("電設", "でんせつ", "densetsu"), ("エンジニアリング", "えんじにありんぐ", "eng"),
        ("保守サービス", "ほしゅさーびす", "hoshu"),
    ),
    "other": (
        ("商事", "しょうじ", "shoji"), ("商会", "しょうかい", "shokai"),
        ("リース", "りーす", "lease"), ("総合サービス", "そうごうさーびす", "sogo"),
        ("企画", "きかく", "kikaku"), ("オフィス", "おふぃす", "office"),
    ),
}  # fmt: skip

EN_STEMS = (
    "Northwind", "Bluepeak", "Silverline", "Harborview", "Crescent", "Evergreen", "Summit",
    "Pinewood", "Lighthouse", "Nimbus", "Cobalt", "Granite", "Brightwave", "Ironbridge",
    "Skylark", "Tidewater", "Westgate", "Amberfield", "Quartz", "Riverstone",
)  # fmt: skip
EN_SUFFIXES = {
    "hardware": ("Devices", "Hardware", "Office Systems"),
    "telecom": ("Telecom", "Networks", "Communications"),
    "software": ("Software", "Labs", "Solutions"),
    "cloud": ("Cloud", "Hosting", "Data Services"),
    "maintenance": ("Field Services", "Technical Support", "Facility Services"),
    "other": ("Trading", "Leasing", "Consulting"),
}
EN_LEGAL_FORMS = (" Inc.", " K.K.", " Japan", " Ltd.", "")
# When a category runs out of names, regional branches of the same companies follow.
REGIONS = (("東日本", "ひがしにほん", "East"), ("西日本", "にしにほん", "West"),
           ("九州", "きゅうしゅう", "Kyushu"), ("北海道", "ほっかいどう", "Hokkaido"),
           ("東北", "とうほく", "Tohoku"), ("関西", "かんさい", "Kansai"))  # fmt: skip

SURNAMES = (
    ("佐藤", "さとう", "sato"), ("鈴木", "すずき", "suzuki"), ("高橋", "たかはし", "takahashi"),
    ("田中", "たなか", "tanaka"), ("伊藤", "いとう", "ito"), ("渡辺", "わたなべ", "watanabe"),
    ("山本", "やまもと", "yamamoto"), ("中村", "なかむら", "nakamura"),
    ("小林", "こばやし", "kobayashi"), ("加藤", "かとう", "kato"), ("吉田", "よしだ", "yoshida"),
    ("山田", "やまだ", "yamada"), ("佐々木", "ささき", "sasaki"), ("山口", "やまぐち", "yamaguchi"),
    ("松本", "まつもと", "matsumoto"), ("井上", "いのうえ", "inoue"), ("木村", "きむら", "kimura"),
    ("林", "はやし", "hayashi"), ("斎藤", "さいとう", "saito"), ("清水", "しみず", "shimizu"),
    ("森", "もり", "mori"), ("池田", "いけだ", "ikeda"), ("橋本", "はしもと", "hashimoto"),
    ("石川", "いしかわ", "ishikawa"), ("前田", "まえだ", "maeda"), ("藤田", "ふじた", "fujita"),
    ("岡田", "おかだ", "okada"), ("後藤", "ごとう", "goto"), ("長谷川", "はせがわ", "hasegawa"),
    ("村上", "むらかみ", "murakami"),
)  # fmt: skip
GIVEN_NAMES = (
    ("健太", "けんた", "kenta"), ("翔", "しょう", "sho"), ("大輔", "だいすけ", "daisuke"),
    ("直樹", "なおき", "naoki"), ("拓也", "たくや", "takuya"), ("誠", "まこと", "makoto"),
    ("浩二", "こうじ", "koji"), ("美咲", "みさき", "misaki"), ("由美", "ゆみ", "yumi"),
    ("陽子", "ようこ", "yoko"), ("恵", "めぐみ", "megumi"), ("彩", "あや", "aya"),
    ("真理子", "まりこ", "mariko"), ("智子", "ともこ", "tomoko"), ("亮", "りょう", "ryo"),
    ("隆", "たかし", "takashi"), ("香織", "かおり", "kaori"), ("葵", "あおい", "aoi"),
    ("悠斗", "ゆうと", "yuto"), ("剛", "つよし", "tsuyoshi"),
)  # fmt: skip
EN_PEOPLE = (
    "Emily Carter", "James Wilson", "Priya Nair", "Michael Chen", "Sarah Johnson", "David Kim",
    "Laura Schmidt", "Daniel Park", "Olivia Brown", "Thomas Miller", "Anna Novak", "Ryan Lee",
)  # fmt: skip

_SALES_JA = ("営業部", "法人営業部", "第二営業部")
_SUPPORT_JA = ("カスタマーサポート部", "サービス部")
# (role, the departments people in that role work in), Japanese and English titles.
ROLES = {
    False: (
        ("営業", _SALES_JA), ("営業担当", _SALES_JA), ("営業課長", _SALES_JA),
        ("サポート", _SUPPORT_JA), ("サポート窓口", _SUPPORT_JA),
        ("SE", ("技術部", "システム開発部")),
        ("カスタマーエンジニア", ("保守サービス課", "サービス部")), ("技術担当", ("技術部",)),
        ("保守担当", ("保守サービス課",)), ("工事担当", ("工事課",)), ("経理", ("経理部",)),
    ),
    True: (
        ("Account Manager", ("Sales", "Enterprise Sales")), ("Sales", ("Sales",)),
        ("Support Engineer", ("Customer Support",)),
        ("Customer Success", ("Customer Support", "Professional Services")),
        ("SE", ("Engineering", "Professional Services")),
    ),
}  # fmt: skip

# (Japanese, English) tags by category; a tag is one word.
TAGS = {
    "hardware": (("PC", "PC"), ("複合機", "MFP"), ("プリンタ", "printer"), ("リース", "lease"),
                 ("キッティング", "kitting")),
    "telecom": (("回線", "line"), ("光回線", "fiber"), ("VPN", "VPN"), ("携帯", "mobile"),
                ("電話", "phone"), ("固定IP", "static-IP")),
    "software": (("ライセンス", "license"), ("会計", "accounting"), ("セキュリティ", "security"),
                 ("販売管理", "sales"), ("勤怠", "attendance")),
    "cloud": (("SaaS", "SaaS"), ("M365", "M365"), ("バックアップ", "backup"), ("サーバ", "server"),
              ("DNS", "DNS")),
    "maintenance": (("保守", "maintenance"), ("LAN", "LAN"), ("基幹", "core-system"),
                    ("オンサイト", "on-site"), ("工事", "construction")),
    "other": (("備品", "supplies"), ("研修", "training"), ("移転", "office-move"),
              ("電気", "electrical"), ("リース", "lease")),
}  # fmt: skip
# (Japanese, English) notes on a vendor, by status.
VENDOR_NOTES = {
    "active": (
        ("年間保守契約あり。更新は毎年4月。", "Annual maintenance contract, renewed every April."),
        ("請求は月末締め翌月末払い。", "Invoices close at month end, paid a month later."),
        ("夜間・休日の障害窓口あり(24時間)。", "24-hour line for outages at night, holidays too."),
        ("見積は営業担当経由で依頼すること。", "Ask for quotes through the account manager."),
        ("サポートポータルのログイン情報はパスワード管理ツールにあり。",
         "Support portal login is in the password manager."),
        ("契約書は総務のキャビネットに保管。", "The contract is in the general affairs cabinet."),
        ("", ""), ("", ""), ("", ""),
    ),
    "prospect": (
        ("飛び込み営業。資料のみ受領。", "Walk-in sales visit; brochure only."),
        ("電話での売り込み。必要になれば連絡すると回答。",
         "Sales call; said we would call if needed."),
        ("展示会で名刺交換。", "Exchanged cards at a trade show."),
        ("電話での売り込み。資料をメールで受領。", "Cold call; brochure received by email."),
    ),
    "inactive": (
        ("{year}年に取引終了。", "No business since {year}."),
        ("{year}年に契約終了、後継は別業者。",
         "Contract ended in {year}; another vendor took over."),
    ),
}  # fmt: skip

# (Japanese, English) notes on a contact.
CONTACT_NOTES = (
    ("携帯は平日日中のみ。", "Mobile on weekdays, office hours only."),
    ("夜間・休日はサポート窓口へ。", "Nights and holidays: the support line."),
    ("電話よりメールを好む。", "Prefers email to phone calls."),
    ("前任からの引継ぎ済み。", "Took over from a colleague."),
    ("", ""), ("", ""), ("", ""), ("", ""),
)  # fmt: skip
