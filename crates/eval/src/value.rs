//! JSON values as the scorer's Python sees them: `==` across numeric types (`2015 == 2015.0`,
//! `True == 1`), lists unequal to tuples, `str()` and `repr()` as Python prints them, and
//! truthiness. The grading compares and prints these, so it gives the scorer's figures and its
//! miss lines.
//!
//! This module does not decide what is compared; `grade` does.

use crate::text::{py_float_repr, py_str_repr};
use serde_json::Value;

/// A value the scorer compares or prints: a JSON value, or a tuple the scorer builds.
#[derive(Debug, Clone)]
pub(crate) enum PyValue {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    List(Vec<PyValue>),
    Tuple(Vec<PyValue>),
    /// Keys in the order serde_json keeps them (sorted), which may differ from the file's.
    Dict(Vec<(String, PyValue)>),
}

impl PyValue {
    /// The value of a JSON field; `None` (absent) is Python's `None`, as `dict.get` gives.
    pub(crate) fn of(v: Option<&Value>) -> PyValue {
        match v {
            None | Some(Value::Null) => PyValue::None,
            Some(Value::Bool(b)) => PyValue::Bool(*b),
            Some(Value::Number(n)) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => PyValue::Int(i128::from(i)),
                (None, Some(u)) => PyValue::Int(i128::from(u)),
                _ => PyValue::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Some(Value::String(s)) => PyValue::Str(s.clone()),
            Some(Value::Array(a)) => {
                PyValue::List(a.iter().map(|x| PyValue::of(Some(x))).collect())
            }
            Some(Value::Object(m)) => PyValue::Dict(
                m.iter()
                    .map(|(k, x)| (k.clone(), PyValue::of(Some(x))))
                    .collect(),
            ),
        }
    }

    /// The number, for the numeric types (`bool` is an `int` in Python).
    fn number(&self) -> Option<Number> {
        match self {
            PyValue::Bool(b) => Some(Number::Int(i128::from(*b))),
            PyValue::Int(i) => Some(Number::Int(*i)),
            PyValue::Float(f) => Some(Number::Float(*f)),
            _ => None,
        }
    }

    /// Python's `str()`: a string as it is, anything else as its `repr()`.
    pub(crate) fn py_str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            other => other.py_repr(),
        }
    }

    /// Python's `repr()`.
    pub(crate) fn py_repr(&self) -> String {
        let join = |items: &[PyValue]| {
            items
                .iter()
                .map(PyValue::py_repr)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            PyValue::None => "None".into(),
            PyValue::Bool(true) => "True".into(),
            PyValue::Bool(false) => "False".into(),
            PyValue::Int(i) => i.to_string(),
            PyValue::Float(f) => py_float_repr(*f),
            PyValue::Str(s) => py_str_repr(s),
            PyValue::List(items) => format!("[{}]", join(items)),
            PyValue::Tuple(items) if items.len() == 1 => format!("({},)", items[0].py_repr()),
            PyValue::Tuple(items) => format!("({})", join(items)),
            PyValue::Dict(entries) => {
                let parts: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", py_str_repr(k), v.py_repr()))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }
}

/// A Python number, for comparing `int`, `float` and `bool` with each other.
#[derive(Clone, Copy)]
enum Number {
    Int(i128),
    Float(f64),
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        match (*self, *other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            (Number::Float(a), Number::Float(b)) => a == b,
            // Python compares an int with a float exactly, not through a rounded double.
            (Number::Int(i), Number::Float(f)) | (Number::Float(f), Number::Int(i)) => {
                f.is_finite() && f.fract() == 0.0 && f.abs() < 1e38 && f as i128 == i
            }
        }
    }
}

impl PartialEq for PyValue {
    /// Python's `==`.
    fn eq(&self, other: &PyValue) -> bool {
        if let (Some(a), Some(b)) = (self.number(), other.number()) {
            return a == b;
        }
        match (self, other) {
            (PyValue::None, PyValue::None) => true,
            (PyValue::Str(a), PyValue::Str(b)) => a == b,
            (PyValue::List(a), PyValue::List(b)) | (PyValue::Tuple(a), PyValue::Tuple(b)) => a == b,
            (PyValue::Dict(a), PyValue::Dict(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(k, v)| b.iter().any(|(k2, v2)| k == k2 && v == v2))
            }
            _ => false,
        }
    }
}

/// A hashable value as a key of a Python `dict`: equal keys (`1`, `1.0`, `True`) are one key.
/// `None` for the unhashable types (lists and dicts), where Python raises `TypeError`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum DictKey {
    None,
    Int(i128),
    /// A float with no exact integer value, by its bits (NaN keys are not reproduced).
    Float(u64),
    Str(String),
}

impl DictKey {
    /// The key of a JSON field value.
    pub(crate) fn of(v: Option<&Value>) -> Option<DictKey> {
        Some(match PyValue::of(v) {
            PyValue::None => DictKey::None,
            PyValue::Bool(b) => DictKey::Int(i128::from(b)),
            PyValue::Int(i) => DictKey::Int(i),
            PyValue::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e38 => {
                DictKey::Int(f as i128)
            }
            PyValue::Float(f) => DictKey::Float(f.to_bits()),
            PyValue::Str(s) => DictKey::Str(s),
            PyValue::List(_) | PyValue::Tuple(_) | PyValue::Dict(_) => return None,
        })
    }
}

/// Python's truthiness of a JSON field (absent and `null` are false).
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    }
}

/// The name of a JSON value's type, for error messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn py(v: Value) -> PyValue {
        PyValue::of(Some(&v))
    }

    #[test]
    fn ints_floats_and_booleans_compare_as_numbers() {
        assert_eq!(py(json!(2015)), py(json!(2015.0)));
        assert_eq!(py(json!(true)), py(json!(1)));
        assert_ne!(py(json!(2015)), py(json!(2015.5)));
        assert_ne!(py(json!(2015)), py(json!("2015")));
    }

    #[test]
    fn absent_and_null_are_both_none() {
        assert_eq!(PyValue::of(None), py(json!(null)));
        assert_ne!(PyValue::of(None), py(json!(0)));
    }

    #[test]
    fn a_list_is_not_equal_to_a_tuple_with_the_same_items() {
        let list = py(json!([2011, 2015]));
        let tuple = PyValue::Tuple(vec![PyValue::Int(2011), PyValue::Int(2015)]);
        assert_ne!(list, tuple);
    }

    #[test]
    fn dicts_compare_by_keys_and_python_equal_values() {
        assert_eq!(
            py(json!({"start": 2011, "end": 2015})),
            py(json!({"end": 2015.0, "start": 2011}))
        );
        assert_ne!(py(json!({"a": 1})), py(json!({"a": 1, "b": 2})));
    }

    #[test]
    fn repr_prints_tuples_lists_and_none_like_python() {
        let t = PyValue::Tuple(vec![
            PyValue::Float(90.0),
            PyValue::Str("%".into()),
            PyValue::Str(">=".into()),
        ]);
        assert_eq!(t.py_repr(), "(90.0, '%', '>=')");
        assert_eq!(
            PyValue::List(vec![t.clone()]).py_repr(),
            "[(90.0, '%', '>=')]"
        );
        assert_eq!(PyValue::Tuple(vec![PyValue::Int(1)]).py_repr(), "(1,)");
        assert_eq!(
            py(json!([2021, null, false])).py_repr(),
            "[2021, None, False]"
        );
        assert_eq!(py(json!({"start": 2011})).py_repr(), "{'start': 2011}");
    }

    #[test]
    fn str_of_a_string_is_the_string_itself() {
        assert_eq!(py(json!("（一）")).py_str(), "（一）");
        assert_eq!(PyValue::of(None).py_str(), "None");
        assert_eq!(py(json!(3)).py_str(), "3");
    }

    #[test]
    fn equal_numbers_are_one_dict_key_and_lists_are_none() {
        assert_eq!(DictKey::of(Some(&json!(7))), DictKey::of(Some(&json!(7.0))));
        assert_eq!(
            DictKey::of(Some(&json!(true))),
            DictKey::of(Some(&json!(1)))
        );
        assert_eq!(DictKey::of(None), Some(DictKey::None));
        assert_eq!(DictKey::of(Some(&json!(["a"]))), None);
    }

    #[test]
    fn truthiness_follows_python() {
        for v in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(Some(&v)), "{v}");
        }
        for v in [
            json!(true),
            json!(2),
            json!("x"),
            json!([0]),
            json!({"a": null}),
        ] {
            assert!(truthy(Some(&v)), "{v}");
        }
        assert!(!truthy(None));
    }
}
