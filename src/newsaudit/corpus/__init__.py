"""Across articles: story links and claims compared between articles that report one story."""
