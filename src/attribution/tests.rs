use super::*;
use crate::document::Format;
