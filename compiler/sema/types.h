// The types of the checker, with their units, and the unit algebra of the
// operators. `Errore` is the type of an expression that already produced a
// diagnostic: every rule accepts it silently, so one mistake is reported once.
#pragma once

#include <optional>

#include "compiler/ast/ast.h"

namespace misura::sema {

enum class Type { Numero, Percentuale, Punti, Euro, Data, Giorni, Booleano, Testo, Errore };

const char* typeName(Type t);  // Italian, for messages: "percentuale", "euro", ...
Type fromTypeName(ast::TypeName t);
Type fromUnit(ast::Unit u);

// Numero and Percentuale are both pure numbers (50% = 0,5).
bool isDimensionless(Type t);
bool isNumeric(Type t);  // everything an arithmetic operator may take, except data

// The type of `lhs op rhs` for + - * /, or nullopt when the units don't
// combine (euro + punti, data * 2, ...). Errore in, Errore out.
std::optional<Type> arithmetic(ast::BinaryOp op, Type lhs, Type rhs);

// The common type of two values that must agree (branches of `se`,
// arguments of `minimo`, the operands of a comparison), or nullopt.
std::optional<Type> unify(Type a, Type b);

// Whether a value of type `actual` may stand where `expected` is required.
bool assignable(Type expected, Type actual);

}  // namespace misura::sema
