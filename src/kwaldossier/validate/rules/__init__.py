"""The rules of the 2012 model, one module per family (KD1xx matrix, KD2xx competences, ...).

Every module here is imported by `kwaldossier.validate` (modules starting with _ are helpers).
"""
