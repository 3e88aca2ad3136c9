"""Adapters that run cleannews inside distributed engines (Ray Data, datatrove).

Each submodule imports its engine, so it needs the matching extra
(``pip install 'cleannews[ray]'`` or ``'cleannews[datatrove]'``); importing
:mod:`cleannews` itself never does. All of them clean through
:func:`cleannews.records.clean_batch`, so every engine writes the same fields.
"""
