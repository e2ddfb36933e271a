//! The sheet going out and the figures coming back (issue 14, §2): files a section fills in and
//! returns to the coordinator. [`csv`] reads a returned CSV file as Excel on Japanese Windows
//! saves it (Shift_JIS or UTF-8, Japanese or the export's headers, codes in any form) into
//! plain rows, and tells which text CP932 cannot carry; what the rows change in the data file
//! is the merge's business, over `store`.

pub mod csv;
