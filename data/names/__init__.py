"""Names and numbers as they are matched: company forms, readings (よみ), sort keys, phones."""
