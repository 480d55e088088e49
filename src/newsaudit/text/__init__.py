"""Text helpers every stage shares: sentences, date patterns, quote spans, wire names, boilerplate, domains.

Nothing here imports a stage package (structure, claims, checks) or loads a model.
"""
