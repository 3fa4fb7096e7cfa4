//! Connecting to Postgres on a channel nobody verified (Heroku's certificates cannot be): a
//! real PostgreSQL with TLS on and a self-signed certificate made by the test. SCRAM logs in;
//! a server that asks for the password in clear text gets nothing.

#[path = "support/pg.rs"]
mod pg;

use novaland_core::postgres::{connect, ConnectError};

const PASSWORD: &str = "pw-for-tls-tests";

fn url(cluster: &pg::PgCluster) -> String {
    format!(
        "postgres://postgres:{PASSWORD}@127.0.0.1:{}/postgres?sslmode=require",
        cluster.port
    )
}

#[tokio::test]
async fn scram_logs_in_over_tls_with_channel_binding() {
    let cluster = pg::PgCluster::start_with_tls("scram-sha-256", PASSWORD);
    let client = connect(&url(&cluster)).await.unwrap();
    let row = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .unwrap();
    assert!(row.get::<_, bool>(0), "the connection is encrypted");
}

#[tokio::test]
async fn a_server_asking_for_the_password_in_clear_text_is_refused() {
    let cluster = pg::PgCluster::start_with_tls("password", PASSWORD);
    let err = connect(&url(&cluster)).await.unwrap_err();
    assert!(matches!(err, ConnectError::WeakLogin), "{err:?}");
    let words = err.to_string();
    assert!(words.contains("clear text or MD5"), "{words}");
    assert!(!words.contains(PASSWORD));
}
