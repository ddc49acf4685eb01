"""The built-in templates of the reports for our own people (DESIGN §8): the queue as a
status report, the week and the 年度's contracts (§13) for management, in Japanese and
English. They stay inside, so they may name priorities; data/mail/default_templates.py lists
them with the others.
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

_CONTRACTS_JA = """\
{year}年度 契約一覧（{first}〜{last}）
お疲れさまです。
{year}年度（{first}〜{last}）の契約と、年度内の費用・判断期限をご報告します。

■契約：{count}件

{contracts}

■合計
{totals}

以上です。

{signature}
"""

_CONTRACTS_EN = """\
Contracts for FY{year} ({first} – {last})
Hello,

Here are the contracts running in FY{year} ({first} – {last}), their cost within it
and the decisions that fall in it.

Contracts: {count}

{contracts}

Total:
{totals}

Best regards,

{signature}
"""

REPORT_TEMPLATES: dict[str, str] = {
    "queue_ja": _QUEUE_JA,
    "queue_en": _QUEUE_EN,
    "weekly_ja": _WEEKLY_JA,
    "weekly_en": _WEEKLY_EN,
    "contracts_ja": _CONTRACTS_JA,
    "contracts_en": _CONTRACTS_EN,
}
