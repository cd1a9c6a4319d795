//! The flows that read and write: each checks the pure rules (`tips`, `casework`, `sanctions`)
//! against what the store holds and writes through [`Database`](crate::Database). The rules
//! themselves know nothing of storage; the store knows nothing of these flows.

pub mod casework;
pub mod sanctions;
pub mod tips;
