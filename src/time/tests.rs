//! Table-driven tests with invented sentences.

use super::*;
