//! The staff members seen signing in, on SQLite and PostgreSQL: the latest sign-in's roles
//! replace earlier ones, and who counts as an active caseworker follows `register::staff`.

use crate::both_backends;

use register::Database;
use register::staff::{self, ACTIVE_DAYS};
use register::tips::StaffStanding;

const DAY: i64 = 86_400;

fn roles(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

async fn sign_ins_are_remembered_with_the_latest_roles(store: Database) {
    let now = 1_800_000_000;
    assert_eq!(store.staff_member("kari").await.unwrap(), None);
    store
        .record_sign_in("kari", "Kari Nordmann", &roles(&["caseworker"]), now - 200 * DAY)
        .await
        .unwrap();
    store
        .record_sign_in("ola", "Ola Statistiker", &roles(&["statistician"]), now - DAY)
        .await
        .unwrap();
    store
        .record_sign_in(
            "per",
            "Per Senior",
            &roles(&["senior_caseworker", "administrator"]),
            now,
        )
        .await
        .unwrap();

    // Not seen for 200 days: no longer active, so a case cannot be given to her.
    let kari = store.staff_member("kari").await.unwrap().unwrap();
    assert_eq!(staff::standing(Some(&kari), now), StaffStanding::Unknown);
    let ola = store.staff_member("ola").await.unwrap();
    assert_eq!(staff::standing(ola.as_ref(), now), StaffStanding::OtherRole);
    let per = store.staff_member("per").await.unwrap().unwrap();
    assert_eq!(per.roles, roles(&["senior_caseworker", "administrator"]));
    assert_eq!(staff::standing(Some(&per), now), StaffStanding::Caseworker);

    // Kari signs in again, now as a committee member: the new roles replace the old, and her
    // first sign-in is kept.
    store
        .record_sign_in("kari", "Kari Nordmann", &roles(&["committee_member"]), now)
        .await
        .unwrap();
    let kari = store.staff_member("kari").await.unwrap().unwrap();
    assert_eq!(kari.roles, roles(&["committee_member"]));
    assert_eq!((kari.first_seen, kari.last_seen), (now - 200 * DAY, now));
    assert_eq!(staff::standing(Some(&kari), now), StaffStanding::OtherRole);

    // Listed by name; only those seen since the given time.
    let recent = store.staff_seen_since(now - ACTIVE_DAYS * DAY).await.unwrap();
    let names: Vec<&str> = recent.iter().map(|m| m.login.as_str()).collect();
    assert_eq!(names, ["kari", "ola", "per"]);
    let today = store.staff_seen_since(now).await.unwrap();
    assert_eq!(today.len(), 2);
}

both_backends!(staff_sign_ins, super::sign_ins_are_remembered_with_the_latest_roles);
