"""What screens share that is not a screen: rendering ledger values, copying mails, drafts."""
