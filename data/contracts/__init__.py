"""Contracts and renewals (DESIGN §13): terms and their dates, the contracts kept, the
reminders they put in the queue, and what they cost in a 年度."""
