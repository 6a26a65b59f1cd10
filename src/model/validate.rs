//! Content validation (being written).
