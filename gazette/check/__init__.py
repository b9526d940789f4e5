"""Stage: checks — character coverage, proofreading (校对报告) and the link check of a built site."""
