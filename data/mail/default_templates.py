"""The built-in email templates (DESIGN §8): a Japanese and an English one for every kind.

Each is the whole mail: the first line is the subject, the rest the body. They are data,
not messages to translate: `[templates]` in config.toml overrides them by name. Those that
go to a vendor (templates.OUTSIDE_KINDS) name the sender after the greeting and never hold
our priority or internal notes.
"""

_CALL_JA = """\
【ご確認】{subject}（{date}）
{addressee}

いつもお世話になっております。
{introduction}

{occasion}確認させていただいた内容を、下記のとおりお送りいたします。

■日時：{when}
■件名：{subject}

■決定事項
{decisions}

■今後の対応
{follow_ups}

内容に相違がございましたら、お手数ですがご連絡いただけますと幸いです。

以上、よろしくお願いいたします。

{signature}
"""

_CALL_EN = """\
Confirmation: {subject} ({date})
Dear {contact},

{introduction}

Here is a summary of what we agreed {occasion}.

Decisions:
{decisions}

Next steps:
{follow_ups}

When: {when}

Please let me know if anything here differs from your understanding.

Best regards,

{signature}
"""

_REQUEST_JA = """\
【ご確認】{subject}
{addressee}

いつもお世話になっております。
{introduction}

下記の件につきまして、現在の状況をお知らせいたします。

■件名：{subject}
■区分：{direction}
■期限：{due}
■状況：{status}

■内容
{body}

■ご回答・対応内容
{answer}

ご不明な点がございましたら、お気軽にお問い合わせください。

以上、よろしくお願いいたします。

{signature}
"""

_REQUEST_EN = """\
Update: {subject}
Dear {contact},

{introduction}

Here is where the following request stands as of {today}.

Subject: {subject}
Request: {direction}
Due: {due}
Status: {status}

Details:
{body}

Answer:
{answer}

Please let me know if you have any questions.

Best regards,

{signature}
"""

_REMINDER_JA = """\
【ご確認のお願い】{subject}
{addressee}

いつもお世話になっております。
{introduction}

先日お願いしておりました「{subject}」の件、その後いかがでしょうか。
お忙しいところ恐れ入りますが、現在の状況をお知らせいただけますと幸いです。

■件名：{subject}
■依頼日：{opened}
■期限：{due_date}

■依頼内容
{body}

なお、本メールと行き違いでご対応いただいている場合は、ご容赦ください。

以上、よろしくお願いいたします。

{signature}
"""

_REMINDER_EN = """\
Following up: {subject}
Dear {contact},

{introduction}

I am following up on the request below, which we made on {opened}.
Could you let us know how it is progressing?

Subject: {subject}
Asked on: {opened}
Due: {due_date}

Details:
{body}

If this has already been taken care of, please disregard this message.

Best regards,

{signature}
"""

_ANSWER_JA = """\
【ご回答】{subject}
{addressee}

いつもお世話になっております。
{introduction}

先日お問い合わせいただきました「{subject}」の件につきまして、
下記のとおりご回答いたします。

■件名：{subject}
■お問い合わせ日：{opened}

■お問い合わせ内容
{body}

■回答内容
{answer}

ご不明な点がございましたら、お気軽にお問い合わせください。

以上、よろしくお願いいたします。

{signature}
"""

_ANSWER_EN = """\
Answer: {subject}
Dear {contact},

{introduction}

Thank you for your inquiry of {opened}. Please find our answer below.

Subject: {subject}
Asked on: {opened}

Your inquiry:
{body}

Our answer:
{answer}

Please let me know if you have any questions.

Best regards,

{signature}
"""

_VENDOR_JA = """\
【ご確認】未完了の件の一覧（{today}時点）
{addressee}

いつもお世話になっております。
{introduction}

現在、貴社との間で未完了となっている件を下記のとおりお送りいたします。

■貴社にご対応をお願いしている件（{waiting_count}件）
{waiting}

■弊社にて対応中の件（{owed_count}件）
{owed}

内容に相違がございましたら、お手数ですがご連絡いただけますと幸いです。

以上、よろしくお願いいたします。

{signature}
"""

_VENDOR_EN = """\
Open items as of {today}
Dear {contact},

{introduction}

Here are the items still open between {vendor} and us as of {today}.

Waiting on your side ({waiting_count}):
{waiting}

On our side ({owed_count}):
{owed}

Please let me know if anything here differs from your records.

Best regards,

{signature}
"""

_QUEUE_JA = """\
【状況報告】依頼・問い合わせ一覧（{today}時点）
お疲れさまです。
{today}時点の依頼・問い合わせの状況をご報告します。

■対象：{filters}
■件数：{count}件

{items}

以上です。

{signature}
"""

_QUEUE_EN = """\
Request queue as of {today}
Hello,

Here is where our requests with vendors stand as of {today}.

Showing: {filters}
Items: {count}

{items}

Best regards,

{signature}
"""

_WEEKLY_JA = """\
【週次報告】業者対応状況（{start}〜{end}）
お疲れさまです。
{start}〜{end}の業者対応状況をご報告します。

■概況
通話{call_count}件／依頼・問い合わせ 新規{opened}件・回答{answered}件・完了{closed}件

■今週の決定事項
{decisions}

■期限超過（{today}時点）：{overdue_count}件
{overdue}

■今後1週間の期限（{due_until}まで）：{due_next_week_count}件
{due_next_week}

■回答の遅い業者（直近12か月の中央値）
{slowest}

以上です。

{signature}
"""

_WEEKLY_EN = """\
Weekly vendor report: {start} – {end}
Hello,

Here is the summary of our work with vendors from {start} to {end}.
Calls: {call_count}. Requests opened: {opened}, answered: {answered}, closed: {closed}.

Decided this week:
{decisions}

Overdue as of {today}: {overdue_count}
{overdue}

Due in the coming week (by {due_until}): {due_next_week_count}
{due_next_week}

Slowest to answer (median over the last 12 months):
{slowest}

Best regards,

{signature}
"""

DEFAULT_TEMPLATES: dict[str, str] = {
    "call_ja": _CALL_JA,
    "call_en": _CALL_EN,
    "request_ja": _REQUEST_JA,
    "request_en": _REQUEST_EN,
    "reminder_ja": _REMINDER_JA,
    "reminder_en": _REMINDER_EN,
    "answer_ja": _ANSWER_JA,
    "answer_en": _ANSWER_EN,
    "vendor_ja": _VENDOR_JA,
    "vendor_en": _VENDOR_EN,
    "queue_ja": _QUEUE_JA,
    "queue_en": _QUEUE_EN,
    "weekly_ja": _WEEKLY_JA,
    "weekly_en": _WEEKLY_EN,
}
