// The grammar of Misura, the language of a Sistema di misurazione e
// valutazione della performance. Keywords are Italian; see docs/linguaggio.md.
//
// Conventions:
//  - every alternative that the AST builder distinguishes has a label;
//  - keywords that a segretario may also want as a name (termine, peso,
//    data, ...) are "soft": the rule `nome` accepts them as identifiers;
//  - the lexer never fails: an unknown character becomes CARATTERE_ERRATO,
//    which the parser reports as a syntax error with its location.
grammar Misura;

// A module file starts with its header (`modulo a.b "titolo"`); a
// regolamento has none. See docs/linguaggio.md, § 13.
programma : intestazioneModulo? dichiarazione* EOF ;

intestazioneModulo : 'modulo' nomeModulo TESTO vigenza? ;

// `legge.dl_13_2023`: the file legge/dl_13_2023.misura on the search path.
nomeModulo : nome ('.' nome)* ;

// The period in which a module (or any block that carries it) is in force.
vigenza : 'vigente' 'dal' DATA ('al' DATA)? ;

dichiarazione
  : 'ente' TESTO                                                   # DichEnte
  | 'anno' NUMERO                                                  # DichAnno
  | 'personale' 'da' TESTO opzioneFile* '{' voceStaff* '}'         # DichPersonale
  | 'dati' nome 'da' TESTO opzioneFile* chiave? '{' campo* '}'     # DichDati
  | 'indicatore' nome '(' (parametro (SEP parametro)*)? ')'
        'su' parametro '=' espr                                    # DichIndicatore
  | 'profilo' nome TESTO? '{' voceProfilo* '}'                     # DichProfilo
  | 'obiettivo' nome TESTO '{' voceObiettivo* '}'                  # DichObiettivo
  | 'comportamenti' 'per' nome (SEP nome)* '{' voceCatalogo* '}'   # DichComportamenti
  | 'fondo' nome TESTO? '{' voceFondo* '}'                         # DichFondo
  | 'prova' TESTO '{' voceProva* '}'                               # DichProva
  | 'usa' nomeModulo                                               # DichUsa
  | 'requisito' nome TESTO '{' voceRequisito* '}'                  # DichRequisito
  | 'ruolo' nome TESTO? '=' membriRuolo                            # DichRuolo
  | 'dichiara' nome TESTO                                          # DichDichiara
  ;

opzioneFile
  : 'codifica' TESTO                                               # OpzCodifica
  | 'separatore' TESTO                                             # OpzSeparatore
  ;

// `chiave (settore, obiettivo)`, or one column without parentheses: `chiave ambito`.
chiave : 'chiave' ('(' nome (SEP nome)* ')' | nome) ;

campo : nome tipo (attributo=('chiave' | 'opzionale'))* ;

// A line of the staff list: a field, or the two date fields of the service period.
voceStaff
  : campo                                                          # CampoStaff
  | 'servizio' 'dal' dal=nome 'al' al=nome                         # Servizio
  ;

tipo
  : 'testo' | 'numero' | 'percentuale' | 'punti' | 'euro'
  | 'data' | 'giorni' | 'booleano'
  ;

parametro : nome ':' tipo ;

voceProfilo
  : 'componente' nome TESTO? 'fino' 'a' NUMERO 'punti' fonteComponente temi?  # Componente
  | 'totale' arrotondamento                                        # TotaleArrotondato
  | 'fasce' '{' fascia+ '}'                                        # Fasce
  | 'premio' '=' espr arrotondamento?                              # Premio
  | 'premio' 'da' 'fondo' nome                                     # PremioDaFondo
  | 'non' 'valutato' TESTO                                         # NonValutato
  | 'non' 'valutato' 'se' espr TESTO                               # NonValutatoSe
  | 'servizio' 'minimo' NUMERO 'giorni'                            # ServizioMinimo
  ;

fonteComponente
  : 'da' 'obiettivi'                                               # DaObiettivi
  | 'da' 'comportamenti'                                           # DaComportamenti
  | '=' espr                                                       # DaEspressione
  ;

arrotondamento : 'arrotondato' ('a' NUMERO 'decimali')? modoArrotondamento? ;

modoArrotondamento
  : 'per' 'difetto'                                                # PerDifetto
  | 'per' 'eccesso'                                                # PerEccesso
  | 'al' 'pari'                                                    # AlPari
  ;

fascia
  : TESTO 'da' NUMERO ('a' NUMERO)? 'punti'? '->' NUMERO '%'       # FasciaIntervallo
  | TESTO 'altrimenti' '->' NUMERO '%'                             # FasciaAltrimenti
  ;

// A bonus fund shared among the persons whose profile says `premio da fondo`.
voceFondo
  : 'importo' NUMERO 'euro'                                        # ImportoFondo
  | 'quota' '=' espr                                               # QuotaFondo
  | 'ripartizione' modoRipartizione                                # Ripartizione
  // art. 81 CCNL Funzioni Locali 16.11.2022: `maggiorazione 30% ai primi 10%`
  | 'maggiorazione' NUMERO '%' 'ai' 'primi' NUMERO '%'              # MaggiorazioneFondo
  // the amount read from the data: `importo = fondi.importo di "2024"`
  | 'importo' '=' espr                                             # ImportoFondoCalcolato
  ;

modoRipartizione
  : 'al' 'centesimo'                                               # AlCentesimo
  | 'per' 'difetto'                                                # RipartizionePerDifetto
  ;

voceObiettivo
  : 'assegnato' 'a' assegnazione                                   # Assegnato
  // `peso 35 per profilo P` / `per "0103"` / `per personale dove C`: the first
  // matching line in writing order wins, else the plain `peso N`.
  // or a weight per person from the data: `peso = assegnazioni.peso`
  // (one alternative, so that a missing number is reported as such)
  | 'peso' (NUMERO ('per' assegnazione)? | '=' espr)               # Peso
  | 'termine' (DATA | '=' espr)                                    # Termine
  // `su rilevazioni.valore` (the row of this person/objective) or any
  // expression in the person's context: `su conta(fatture dove ...) / conta(fatture)`.
  | 'misura' nome '(' (espr (SEP espr)*)? ')' 'su' espr             # Misura
  | 'fonte' TESTO                                                  # Fonte
  | 'se' 'non' 'rilevato' ':'? esitoMancante                       # SeNonRilevato
  | 'valutato' ('nel' | 'negli' 'anni') NUMERO (SEP NUMERO)*       # ValutatoNel
  | 'fasi' '{' fase* '}'                                           # Fasi
  | temi                                                           # TemaObiettivo
  ;

// A milestone of an objective: `F1 "Bozza" peso 40 termine 15/01/2024`.
fase : nome TESTO 'peso' NUMERO 'termine' DATA ;

// The themes of an objective, component or behaviour: what legal
// requirement it implements (`tema tempi_pagamento`).
temi : 'tema' nome (SEP nome)* ;

esitoMancante
  : 'neutralizzato'                                                # Neutralizzato
  | espr                                                           # EsitoFisso
  ;

assegnazione
  : 'tutti'                                                        # ATutti
  | 'profilo' nome (SEP nome)*                                     # AProfili
  | matricola (SEP matricola)*                                     # AMatricole
  | 'personale' 'dove' espr                                        # ADove
  ;

// A matricola of `assegnato a`, with the part of the year it is assigned for.
matricola : TESTO periodo? ;

periodo
  : 'fino' 'al' DATA                                               # FinoAl
  | 'dal' DATA ('al' DATA)?                                        # DalAl
  ;

// A worked case (`misura prova`): with the data of a folder, a person's
// expected results.
voceProva
  : 'dati' TESTO                                                   # ProvaDati
  | 'persona' TESTO                                                # ProvaPersona
  | 'attendi' attesa                                               # ProvaAttendi
  ;

attesa
  : 'totale' '=' espr                                              # AttesoTotale
  | 'fascia' '=' espr                                              # AttesaFascia
  | 'premio' '=' espr                                              # AttesoPremio
  | 'componente' nome '=' espr                                     # AttesaComponente
  | 'esito' nome '=' esitoMancante                                 # AttesoEsito
  | 'non' 'valutato'                                               # AttesoNonValutato
  | 'errore' nome                                                  # AttesoErrore
  ;

livello : TESTO '->' NUMERO ;

voceCatalogo
  : 'scala' 'da' NUMERO 'a' NUMERO                                 # Scala
  // A scale of levels with descriptors: `scala { "Adeguato" -> 2 ... }`;
  // the ratings in the data are the level names.
  | 'scala' '{' livello+ '}'                                       # ScalaLivelli
  | 'voti' 'da' nome '.' nome                                      # Voti
  | nome TESTO 'peso' NUMERO temi?                                 # Comportamento
  ;

// Precedence: earlier alternatives bind tighter.
espr
  : '(' espr ')'                                                   # Parentesi
  | nome '(' (espr (SEP espr)*)? ('dove' dove=espr)? ')'          # Chiamata
  // a lookup by an explicit key: `fondi.importo di "2024"`, `t.c di (PIAO, "2024")`
  | nome '.' nome 'di' chiaveRiga                                  # RiferimentoChiave
  | nome ('.' nome ('di' nome)?)?                                  # Riferimento
  | NUMERO unita?                                                  # Numero
  | DATA                                                           # LetteraleData
  | TESTO                                                          # LetteraleTesto
  | valore=('vero' | 'falso')                                      # Booleano
  | '-' espr                                                       # Negazione
  | espr op=('*' | '/') espr                                       # Moltiplicativa
  | espr op=('+' | '-') espr                                       # Additiva
  | espr op=('<' | '<=' | '>' | '>=' | '=' | '<>') espr            # Confronto
  | 'non' espr                                                     # Non
  | espr 'e' espr                                                  # Congiunzione
  | espr 'o' espr                                                  # Disgiunzione
  | 'se' espr 'allora' espr 'altrimenti' espr                      # Condizionale
  | 'scaglioni' espr '{' scaglione* '}'                            # Scaglioni
  ;

// The key values of the row a lookup reads, for the key columns that the
// context does not give: text or number for a free column, a code for `obiettivo`.
chiaveRiga
  : TESTO                                                          # ChiaveTesto
  | NUMERO                                                         # ChiaveNumero
  | '(' valoreChiave (SEP valoreChiave)* ')'                       # ChiaveElenco
  ;

valoreChiave : TESTO | NUMERO | nome ;

// A line of a step table: the first line met by the value gives the result.
scaglione
  : 'da' soglia '->' risultato                                     # ScaglioneDa
  | 'fino' 'a' soglia '->' risultato                               # ScaglioneFinoA
  | TESTO '->' risultato                                           # ScaglioneTesto
  | 'altrimenti' '->' risultato                                    # ScaglioneAltrimenti
  ;

soglia : NUMERO unita? | DATA ;

risultato : NUMERO unita? ;

unita : '%' | 'punti' | 'punto' | 'euro' | 'giorni' | 'giorno' ;

// A legal requirement (docs/linguaggio.md § 14): what the law asks of the
// regolamento, checked by `misura verifica --anno`.
voceRequisito
  : 'citazione' TESTO                                              # Citazione
  | vigenza                                                        # VigenzaRequisito
  | 'livello' 'avviso'                                             # LivelloAvviso
  | 'si' 'applica' 'a' destinatari                                 # SiApplica
  | 'richiede' richiesta                                           # Richiede
  | 'avviso' 'se' 'indicatore' 'diverso' 'da' nome TESTO           # AvvisoIndicatore
  | 'avviso' 'se' 'senza' 'soglia' TESTO                           # AvvisoSoglia
  ;

destinatari
  : 'tutti'                                                        # DestinatariTutti
  | 'ruolo' nome                                                   # DestinatariRuolo
  ;

richiesta
  : 'obiettivo' 'con' 'tema' nome sogliaPeso?                      # RichiestaObiettivo
  | 'elemento' 'con' 'tema' nome sogliaPeso?                       # RichiestaElemento
  | 'componente' 'da' fonte=('obiettivi' | 'comportamenti') sogliaPeso?  # RichiestaComponente
  | 'maggiorazione' 'almeno' NUMERO '%'                            # RichiestaMaggiorazione
  | 'dichiarazione' nome                                           # RichiestaDichiarazione
  ;

sogliaPeso : 'peso' 'effettivo' confronto=('almeno' | 'oltre') NUMERO '%' ;

// Who a role of the regolamento is: the parameter a requirement's
// `si applica a ruolo NOME` leaves to the ente.
membriRuolo
  : 'nessuno'                                                      # RuoloNessuno
  | 'tutti'                                                        # RuoloTutti
  | 'profilo' nome (SEP nome)*                                     # RuoloProfili
  | TESTO (SEP TESTO)*                                             # RuoloMatricole
  ;

// Keywords usable as names where a name is expected.
nome
  : ID
  | 'testo' | 'numero' | 'percentuale' | 'punti' | 'punto' | 'euro' | 'data'
  | 'giorni' | 'giorno' | 'booleano' | 'termine' | 'peso' | 'fonte' | 'scala'
  | 'voti' | 'totale' | 'premio' | 'fasce' | 'chiave' | 'opzionale'
  | 'codifica' | 'separatore' | 'tutti' | 'personale' | 'dati' | 'profilo'
  | 'misura' | 'obiettivi' | 'comportamenti' | 'decimali' | 'difetto'
  | 'eccesso' | 'pari' | 'valutato' | 'rilevato' | 'neutralizzato'
  | 'componente' | 'indicatore' | 'obiettivo' | 'ente' | 'anno'
  | 'prova' | 'persona' | 'attendi' | 'esito' | 'errore' | 'fascia'
  | 'arrotondato' | 'assegnato' | 'fondo' | 'importo' | 'quota' | 'ripartizione'
  | 'centesimo' | 'maggiorazione' | 'ai' | 'primi' | 'di'
  | 'servizio' | 'dal' | 'al' | 'minimo' | 'fino' | 'scaglioni'
  | 'nel' | 'negli' | 'anni' | 'fasi'
  | 'usa' | 'modulo' | 'vigente' | 'requisito' | 'ruolo' | 'citazione'
  | 'livello' | 'avviso' | 'si' | 'applica' | 'richiede' | 'diverso' | 'elemento'
  | 'con' | 'tema' | 'effettivo' | 'almeno' | 'oltre' | 'nessuno'
  | 'dichiara' | 'dichiarazione' | 'senza' | 'soglia'
  ;

SEP : ',' | ';' ;

// A date: 31/12/2024 or 31.12.2024.
DATA
  : CIFRA CIFRA? '/' CIFRA CIFRA? '/' CIFRA CIFRA CIFRA CIFRA
  | CIFRA CIFRA? '.' CIFRA CIFRA? '.' CIFRA CIFRA CIFRA CIFRA
  ;

// Italian numbers: decimal comma, optional '.' thousands groups (1.234,56).
NUMERO
  : CIFRA+ (',' CIFRA+)?
  | CIFRA CIFRA? CIFRA? ('.' CIFRA CIFRA CIFRA)+ (',' CIFRA+)?
  ;

TESTO : '"' ( '\\' . | ~["\\\r\n] )* '"' ;

ID : [\p{L}_] [\p{L}\p{N}_]* ;

COMMENTO : '#' ~[\r\n]* -> skip ;
SPAZIO : [ \t\r\n\u00A0\uFEFF]+ -> skip ;

fragment CIFRA : [0-9] ;

CARATTERE_ERRATO : . ;
