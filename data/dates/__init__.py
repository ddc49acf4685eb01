"""Dates: the clock, reading typed dates, business days, deadlines, how dates are written."""
