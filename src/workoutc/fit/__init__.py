"""The FIT format: the profile, the CRC, the writer and the reader."""
