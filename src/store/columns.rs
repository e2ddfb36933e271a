//! Reading rows by column name at the speed of reading by position.

use rusqlite::Statement;

/// The positions of a prepared statement's columns, looked up by name once: rows are then read
/// by position (looking a name up per row scans the columns on every call), while the code
/// still says which column it reads and survives a reordered SELECT.
pub(super) fn by_name<const N: usize>(
    stmt: &Statement,
    names: [&str; N],
) -> rusqlite::Result<[usize; N]> {
    let mut at = [0; N];
    for (slot, name) in at.iter_mut().zip(names) {
        *slot = stmt.column_index(name)?;
    }
    Ok(at)
}

/// A TEXT column borrowed from the row: no allocation for words that are parsed at once.
pub(super) fn text<'r>(r: &'r rusqlite::Row, column: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(column)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}
