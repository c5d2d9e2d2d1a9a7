#include "compiler/sema/types.h"

namespace misura::sema {

const char* typeName(Type t) {
  switch (t) {
    case Type::Numero: return "numero";
    case Type::Percentuale: return "percentuale";
    case Type::Punti: return "punti";
    case Type::Euro: return "euro";
    case Type::Data: return "data";
    case Type::Giorni: return "giorni";
    case Type::Booleano: return "booleano";
    case Type::Testo: return "testo";
    case Type::Errore: return "(errore)";
  }
  return "?";
}

Type fromTypeName(ast::TypeName t) {
  switch (t) {
    case ast::TypeName::Testo: return Type::Testo;
    case ast::TypeName::Numero: return Type::Numero;
    case ast::TypeName::Percentuale: return Type::Percentuale;
    case ast::TypeName::Punti: return Type::Punti;
    case ast::TypeName::Euro: return Type::Euro;
    case ast::TypeName::Data: return Type::Data;
    case ast::TypeName::Giorni: return Type::Giorni;
    case ast::TypeName::Booleano: return Type::Booleano;
  }
  return Type::Errore;
}

Type fromUnit(ast::Unit u) {
  switch (u) {
    case ast::Unit::Nessuna: return Type::Numero;
    case ast::Unit::Percento: return Type::Percentuale;
    case ast::Unit::Punti: return Type::Punti;
    case ast::Unit::Euro: return Type::Euro;
    case ast::Unit::Giorni: return Type::Giorni;
  }
  return Type::Errore;
}

bool isDimensionless(Type t) { return t == Type::Numero || t == Type::Percentuale; }

bool isNumeric(Type t) {
  return isDimensionless(t) || t == Type::Punti || t == Type::Euro || t == Type::Giorni;
}

namespace {

// Percent wins when two pure numbers meet: 100% - 10% * 3 is a percentage.
Type pureResult(Type a, Type b) {
  return (a == Type::Percentuale || b == Type::Percentuale) ? Type::Percentuale : Type::Numero;
}

bool isQuantity(Type t) { return t == Type::Punti || t == Type::Euro || t == Type::Giorni; }

std::optional<Type> additive(ast::BinaryOp op, Type l, Type r) {
  if (isDimensionless(l) && isDimensionless(r)) return pureResult(l, r);
  if (isQuantity(l) && l == r) return l;
  if (l == Type::Data && r == Type::Giorni) return Type::Data;
  if (op == ast::BinaryOp::Add && l == Type::Giorni && r == Type::Data) return Type::Data;
  if (op == ast::BinaryOp::Sub && l == Type::Data && r == Type::Data) return Type::Giorni;
  // Texts join: nominativo = cognome + " " + nome.
  if (op == ast::BinaryOp::Add && l == Type::Testo && r == Type::Testo) return Type::Testo;
  return std::nullopt;
}

std::optional<Type> multiplicative(ast::BinaryOp op, Type l, Type r) {
  if (isDimensionless(l) && isDimensionless(r)) {
    if (op == ast::BinaryOp::Mul) return pureResult(l, r);
    // 80% / 2 is a percentage; 80% / 80% and 1 / 50% are plain ratios.
    return (l == Type::Percentuale && r == Type::Numero) ? Type::Percentuale : Type::Numero;
  }
  if (isQuantity(l) && isDimensionless(r)) return l;
  if (op == ast::BinaryOp::Mul && isDimensionless(l) && isQuantity(r)) return r;
  if (op == ast::BinaryOp::Div && isQuantity(l) && l == r) return Type::Numero;
  return std::nullopt;
}

}  // namespace

std::optional<Type> arithmetic(ast::BinaryOp op, Type lhs, Type rhs) {
  if (lhs == Type::Errore || rhs == Type::Errore) return Type::Errore;
  switch (op) {
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub: return additive(op, lhs, rhs);
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div: return multiplicative(op, lhs, rhs);
    default: return std::nullopt;
  }
}

std::optional<Type> unify(Type a, Type b) {
  if (a == Type::Errore || b == Type::Errore) return Type::Errore;
  if (a == b) return a;
  if (isDimensionless(a) && isDimensionless(b)) return Type::Percentuale;
  return std::nullopt;
}

bool assignable(Type expected, Type actual) {
  if (expected == Type::Errore || actual == Type::Errore) return true;
  if (expected == actual) return true;
  return isDimensionless(expected) && isDimensionless(actual);
}

}  // namespace misura::sema
