"""Kupang Layout: page layout for the print edition of Kupang Times."""

__version__ = "0.1.0"
