//! A plan file's links to the year before (`lineage`, each row's `previous_uid`, new in /2),
//! read before the rows are built: each checked as a uid, refused in a /1 file, and a link on a
//! row without a uid of its own refused (it would link nothing).

use super::file::PlanFile;
use super::problems::Problems;
use super::validate::Ids;
use crate::model::{Uid, YearLinks};
use crate::strings::strings;

/// The file's year links; problems are added to `p` with their paths.
pub(super) fn links(p: &mut Problems, ids: &Ids, file: &PlanFile) -> YearLinks {
    let mut links = YearLinks {
        lineage: file
            .lineage
            .as_deref()
            .and_then(|raw| read(p, ids, "lineage", raw)),
        ..YearLinks::default()
    };
    let mut link = |p: &mut Problems, path: String, own: Option<&str>, previous: Option<&str>| {
        let Some(previous) = previous else { return };
        let at = format!("{path}.previous_uid");
        let Some(before) = read(p, ids, &at, previous) else {
            return;
        };
        // The row's own uid is checked where the row is built; a bad one links nothing.
        match own.map(str::parse::<Uid>) {
            None => p.add(at, strings().errors.sheet.previous_without_uid),
            Some(Ok(own)) if !own.is_none() => {
                links.previous.insert(own, before);
            }
            Some(_) => {}
        }
    };
    for (i, ini) in file.initiatives.iter().enumerate() {
        let path = format!("initiatives[{i}]");
        link(
            p,
            path.clone(),
            ini.uid.as_deref(),
            ini.previous_uid.as_deref(),
        );
        for (j, g) in ini.goals.iter().enumerate() {
            let gpath = format!("{path}.goals[{j}]");
            link(
                p,
                gpath.clone(),
                g.uid.as_deref(),
                g.previous_uid.as_deref(),
            );
            for (k, a) in g.activities.iter().enumerate() {
                let apath = format!("{gpath}.activities[{k}]");
                link(p, apath, a.uid.as_deref(), a.previous_uid.as_deref());
            }
        }
    }
    links
}

/// A link's uid, or none (said in `p`) when it is not one or the file is /1.
fn read(p: &mut Problems, ids: &Ids, path: &str, raw: &str) -> Option<Uid> {
    ids.only_in_2(p, path, true);
    match raw.parse::<Uid>() {
        Err(e) => p.add(path, e.to_string()),
        Ok(uid) if uid.is_none() => p.add(path, strings().errors.sheet.uid_zero),
        Ok(uid) => return Some(uid),
    }
    None
}
