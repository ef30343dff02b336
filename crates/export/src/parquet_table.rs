//! A table as Parquet, written with the `parquet` crate's column writers (no Arrow: the rows
//! are few and flat, and Arrow would multiply the build).
//!
//! Text is `BYTE_ARRAY` annotated `STRING`, whole numbers `INT64`, decimals `DOUBLE`, days
//! `INT32` annotated `DATE`; every column is optional (null where the CSV is empty). Pages are
//! Snappy-compressed, the codec every Parquet reader has. The footer names Duban's version
//! as its writer and holds the format version under `duban.format_version`; no time is
//! written, so the bytes depend on the rows only. This module does not put files in place.

use crate::tables::{FORMAT_VERSION, FieldType, Table, Value};
use duban_model::Date;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::types::Type;
use std::sync::Arc;

/// Rows a row group holds at most: bounds the memory a reader needs per group.
const ROW_GROUP_ROWS: usize = 100_000;

/// The table's Parquet bytes.
pub fn encode(table: &Table) -> Result<Vec<u8>, ParquetError> {
    let mut columns = Vec::with_capacity(table.spec.fields.len());
    for f in table.spec.fields {
        let (physical, logical) = match f.kind {
            FieldType::Integer => (Physical::INT64, None),
            FieldType::Number => (Physical::DOUBLE, None),
            FieldType::Date => (Physical::INT32, Some(LogicalType::Date)),
            // Objects and arrays are JSON Lines only; as text they would still be readable.
            FieldType::String
            | FieldType::Object
            | FieldType::Array
            | FieldType::Boolean
            | FieldType::Any => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
        };
        let column = Type::primitive_type_builder(f.name, physical)
            .with_repetition(Repetition::OPTIONAL)
            .with_logical_type(logical)
            .build()?;
        columns.push(Arc::new(column));
    }
    let schema = Type::group_type_builder(table.spec.name)
        .with_fields(columns)
        .build()?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("duban version {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "duban.format_version".to_string(),
            FORMAT_VERSION.to_string(),
        )]))
        .build();
    let mut writer = SerializedFileWriter::new(Vec::new(), Arc::new(schema), Arc::new(properties))?;
    for rows in table.rows.chunks(ROW_GROUP_ROWS) {
        let mut group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(column) = group.next_column()? {
            let kind = table
                .spec
                .fields
                .get(index)
                .map_or(FieldType::String, |f| f.kind);
            write_column(column, rows, index, kind)?;
            index += 1;
        }
        group.close()?;
    }
    writer.into_inner()
}

/// Writes column `index` of `rows`, of type `kind`: the values, and a definition level per
/// row (1 where it has a value).
fn write_column(
    mut column: SerializedColumnWriter<'_>,
    rows: &[Vec<Value>],
    index: usize,
    kind: FieldType,
) -> Result<(), ParquetError> {
    let cells = rows.iter().map(|r| r.get(index).unwrap_or(&Value::Null));
    let levels: Vec<i16> = cells
        .clone()
        .map(|v| i16::from(*v != Value::Null))
        .collect();
    let writer = &mut column;
    let written = match kind {
        FieldType::Integer => write_values::<Int64Type>(writer, cells, &levels, |v| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        }),
        FieldType::Number => write_values::<DoubleType>(writer, cells, &levels, |v| match v {
            Value::Float(x) => Some(*x),
            _ => None,
        }),
        FieldType::Date => write_values::<Int32Type>(writer, cells, &levels, |v| match v {
            Value::Date(d) => Some(days_since_epoch(*d)),
            _ => None,
        }),
        FieldType::String
        | FieldType::Object
        | FieldType::Array
        | FieldType::Boolean
        | FieldType::Any => write_values::<ByteArrayType>(writer, cells, &levels, |v| match v {
            Value::Text(s) => Some(ByteArray::from(s.as_str())),
            _ => None,
        }),
    };
    written?;
    column.close()
}

/// Writes the values `value` takes from `cells` with their definition `levels`; a cell of
/// another type than the column's is a value fewer than its level says, which the writer
/// refuses (an error, not a wrong file).
fn write_values<'a, T: DataType>(
    column: &mut SerializedColumnWriter<'_>,
    cells: impl Iterator<Item = &'a Value>,
    levels: &[i16],
    value: impl Fn(&Value) -> Option<T::T>,
) -> Result<usize, ParquetError> {
    let values: Vec<T::T> = cells.filter_map(value).collect();
    column.typed::<T>().write_batch(&values, Some(levels), None)
}

/// Days from 1970-01-01 to `d` (Parquet's `DATE`), by the proleptic Gregorian calendar.
fn days_since_epoch(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil, with March as the year's first month.
    let y = d.year - i32::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i32::from(d.month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i32::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::Tables;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    #[test]
    fn days_count_from_1970() {
        let day = |y, m, d| days_since_epoch(Date::new(y, m, d).unwrap());
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2000, 3, 1), 11_017);
        assert_eq!(day(2022, 1, 29), 19_021);
        assert_eq!(day(1969, 12, 31), -1);
    }

    #[test]
    fn columns_with_no_value_read_back_as_nulls_of_their_type() {
        let (doc, obligations) = crate::tables::tests::sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("documents.parquet");
        std::fs::write(&path, encode(&tables.tables[0]).unwrap()).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
        let cell = |name: &str| {
            row.get_column_iter()
                .find(|(n, _)| n.as_str() == name)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        assert_eq!(cell("county"), Field::Null);
        assert_eq!(cell("signed"), Field::Null);
        assert_eq!(cell("period_start"), Field::Null);
        assert_eq!(cell("published"), Field::Date(19_021));
        assert_eq!(cell("year"), Field::Long(2021));
    }

    #[test]
    fn a_table_reads_back_with_its_types_and_version() {
        let (doc, obligations) = crate::tables::tests::sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        let bytes = encode(&tables.tables[2]).unwrap();
        assert_eq!(bytes, encode(&tables.tables[2]).unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.parquet");
        std::fs::write(&path, bytes).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata().file_metadata();
        let kv = meta.key_value_metadata().unwrap();
        assert_eq!(kv[0].value.as_deref(), Some(FORMAT_VERSION));
        let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
        let cells: Vec<&Field> = row.get_column_iter().map(|(_, f)| f).collect();
        assert_eq!(cells[3], &Field::Long(1));
        assert_eq!(cells[5], &Field::Str("行政机关负责人出庭应诉率".into()));
        assert_eq!(cells[7], &Field::Double(96.6));
    }
}
