"""Chinese search: the segmenter dictionary, the synonym groups, the index
expansion and the corrected query segmentation of Material's search worker.

Pure functions only; ``hooks/search.py`` wires them into the build.
"""
