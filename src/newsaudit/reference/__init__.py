"""Reference data the stages read: resources (picklable, rebuilt per worker), outlets, anchors,
gazetteer, and the public lists and series later stages add.

Nothing here imports a stage package (structure, claims, checks).
"""
