//! A table as CSV: RFC 4180 (comma, `"` quoting where needed, CRLF record ends), UTF-8
//! without a byte-order mark, a header row of the column names.
//!
//! Nulls are empty fields (Frictionless reads `""` as missing); numbers are written in their
//! shortest exact form (`96.6`, `90`), days as `YYYY-MM-DD`. The bytes depend on the rows
//! only. This module does not put files in place: [`crate::package`] does.

use crate::tables::{Table, Value};

/// The table's CSV bytes.
pub fn encode(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(table.spec.fields.iter().map(|f| f.name))?;
    for row in &table.rows {
        w.write_record(row.iter().map(cell))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Text(s) => s.clone(),
        Value::Int(n) => n.to_string(),
        Value::Float(x) => x.to_string(),
        Value::Date(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::Tables;

    #[test]
    fn text_with_commas_quotes_and_line_breaks_is_quoted() {
        let (doc, obligations) = crate::tables::tests::sample();
        let mut tables = Tables::default();
        let mut doc = doc;
        doc.title = Some("关于\"十四五\"规划,\n第二部分".into());
        tables.push(&doc, &obligations);
        let bytes = encode(&tables.tables[0]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("format_version,id,title,"), "{text}");
        assert!(
            text.contains("\"关于\"\"十四五\"\"规划,\n第二部分\""),
            "{text}"
        );
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn numbers_nulls_and_days_are_plain() {
        let (doc, obligations) = crate::tables::tests::sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        let metrics = String::from_utf8(encode(&tables.tables[2]).unwrap()).unwrap();
        assert!(metrics.contains(",=,96.6,%\r\n"), "{metrics}");
        let documents = String::from_utf8(encode(&tables.tables[0]).unwrap()).unwrap();
        assert!(documents.contains(",苏州市,,2022-01-29,,"), "{documents}");
    }
}
