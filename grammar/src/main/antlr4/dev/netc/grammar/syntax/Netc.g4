// The .nn language, version 1 (docs/language.md, "Grammar").
//
// Deviations from the spec's grammar, all for better diagnostics; none changes which files are
// valid:
// - every place that takes a NAME takes the rule `name`, so the words of the language are names
//   there (docs/language.md, "Lexical rules"); `name` also admits BAD_NAME (a word with non-ASCII letters);
// - `number` (a value in a vector, a bias or an argument) admits a NAME such as NaN;
// - `file` admits zero networks;
// - a statement or a layer body item may start with an unknown word (`optimiser sgd;`,
//   `weight = ...`);
// - a shape or a window admits a single NUMBER or any number of dimensions (`input 784;`,
//   `conv 6 5 relu;`, `maxpool 2x2x2;`), and a padding any name;
// so that the checker can say what is wrong in plain words instead of a parser message. Stray
// characters and block comments go to the hidden channel, where the syntax stage looks for stray
// characters and unterminated comments.
grammar Netc;

file          : packageDecl? network* EOF ;
packageDecl   : 'package' name ('.' name)* ';' ;
network       : 'network' name '{' statement* '}' ;

statement     : 'input' shape ';'                                    # inputStatement
              | 'dense' NUMBER call ('as' name)? (';' | layerBody)   # denseStatement
              | 'loss' name ';'                                      # lossStatement
              | 'init' call ';'                                      # initStatement
              | 'optimizer' call ';'                                 # optimizerStatement
              | 'regularize' call ';'                                # regularizeStatement
              | 'clip' call ';'                                      # clipStatement
              | 'precision' name ';'                                 # precisionStatement
              | convLayer                                            # convStatement
              | poolLayer                                            # poolStatement
              | NAME ~(';' | '{' | '}')* ';'                         # unknownStatement
              ;

// Convolution and pooling (language v2): feature layers over H x W x C tensors, before the
// first dense layer.
convLayer     : 'conv' filters=NUMBER shape call convOption* ('as' layerName=name)? (';' | layerBody) ;
// In any order, each at most once (the checker says which is repeated).
convOption    : 'stride' NUMBER                                      # strideOption
              | 'padding' name                                       # paddingOption
              | 'dropout' '(' number ')'                             # dropoutOption
              ;
poolLayer     : kind=('maxpool' | 'avgpool') shape ('stride' stride=NUMBER)? ';' ;
// A size (`784`) or dimensions (`28 x 28 x 1`, `5x5`).
shape         : NUMBER | DIMS ;

layerBody     : '{' layerItem* '}' ;
layerItem     : 'weights' '=' matrix ';'                             # weightsDecl
              | 'bias' '=' (vector | number) ';'                     # biasDecl
              | NAME ~(';' | '{' | '}')* ';'                         # unknownItem
              ;
matrix        : '[' vector (',' vector)* ']' ;
vector        : '[' number (',' number)* ']' ;
call          : name ('(' (arg (',' arg)*)? ')')? ;
arg           : (name '=')? number ;
// A value; a word here (NaN, Infinity, a misplaced name) is reported by the checker.
number        : NUMBER | NAME ;

name          : NAME | BAD_NAME
              | 'package' | 'network' | 'input' | 'dense' | 'as' | 'loss' | 'init'
              | 'optimizer' | 'regularize' | 'clip' | 'precision' | 'weights' | 'bias'
              | 'conv' | 'maxpool' | 'avgpool' | 'stride' | 'padding' | 'dropout'
              ;

// Dimensions, one token because `5x5` would otherwise be the number 5 and the name x5: whole
// numbers joined by 'x', with spaces or tabs around the 'x' or not (`5x5`, `28 x 28 x 1`).
DIMS          : DIGIT+ ( [ \t]* 'x' [ \t]* DIGIT+ )+ ;
NUMBER        : '-'? ( DIGIT+ ('.' DIGIT+)? | '.' DIGIT+ ) ( [eE] [+-]? DIGIT+ )? ;
NAME          : [A-Za-z_] [A-Za-z0-9_]* ;
// A word that is a name but for its non-ASCII letters: longer than the NAME it starts with.
BAD_NAME      : [\p{L}\p{Nl}_] [\p{L}\p{Nl}\p{N}\p{M}_]* ;

WS            : [ \t\r\n\f]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> channel(HIDDEN) ;
STRAY         : . -> channel(HIDDEN) ;

fragment DIGIT : [0-9] ;
