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
// - a dense layer admits its options after its name too;
// - a shape or a window admits a single NUMBER or any number of dimensions (`input 784;`,
//   `conv 6 5 relu;`, `maxpool 2x2x2;`), and a padding any name;
// so that the checker can say what is wrong in plain words instead of a parser message. Stray
// characters and block comments go to the hidden channel, where the syntax stage looks for stray
// characters and unterminated comments.
grammar Netc;

@lexer::members {
  /** The type and text of the last token the parser sees, for the sign rule of NUMBER. */
  private int lastType = Token.INVALID_TYPE;
  private String lastText = "";

  @Override
  public Token nextToken() {
    Token token = super.nextToken();
    if (token.getChannel() == Token.DEFAULT_CHANNEL) {
      lastType = token.getType();
      lastText = token.getText();
    }
    return token;
  }

  /**
   * A '-' starts a number unless it follows an operand (a name, a number or ')'): then it is the
   * minus of a difference, so that x-1 is x - 1 and x^-1 is x^(-1). Files of version 1 never have
   * a number right after an operand, so their numbers read as before (after a keyword such as
   * 'input', '-4' is still one number).
   */
  private boolean signAllowed() {
    return lastType != NAME && lastType != BAD_NAME && lastType != NUMBER && !")".equals(lastText);
  }
}

file          : packageDecl? (network | activationDecl)* EOF ;
packageDecl   : 'package' name ('.' name)* ';' ;
network       : 'network' name '{' statement* '}' ;

statement     : 'input' shape ';'                                    # inputStatement
              | 'dense' NUMBER call denseOption* ('as' name)? denseOption* (';' | layerBody)  # denseStatement
              | 'loss' name ';'                                      # lossStatement
              | 'init' call ';'                                      # initStatement
              | 'optimizer' call ';'                                 # optimizerStatement
              | 'regularize' call ';'                                # regularizeStatement
              | 'clip' call ';'                                      # clipStatement
              | 'precision' name ';'                                 # precisionStatement
              | convLayer                                            # convStatement
              | poolLayer                                            # poolStatement
              | NAME ~(';' | '{' | '}')* ';'                         # unknownStatement
              // a declaration belongs at file level; read here to say so
              | activationDecl                                       # misplacedActivation
              ;

// Convolution and pooling (language v2): feature layers over H x W x C tensors, before the
// first dense layer.
convLayer     : 'conv' filters=NUMBER shape call convOption* ('as' layerName=name)? (';' | layerBody) ;
// In any order, each at most once (the checker says which is repeated).
convOption    : 'stride' NUMBER                                      # strideOption
              | 'padding' name                                       # paddingOption
              | 'dropout' '(' number ')'                             # dropoutOption
              ;
// A dense layer's option; also read after `as NAME`, so that the checker can say where it belongs.
denseOption   : 'dropout' '(' number ')' ;
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
// A value; a word here (NaN, Infinity, -Infinity, a misplaced name) is reported by the checker.
number        : NUMBER | '-'? NAME ;

// Version 2: an activation declared in the language, f(x) = EXPR (docs/language.md,
// "Declared activations"). The first parameter is the input; the others need defaults, which the
// checker asks for. Precedence from high to low: calls and parentheses, '^' (grouping to the
// right), unary '-', '*' '/', '+' '-', comparisons (only as the condition of if).
activationDecl : 'activation' name '(' (activationParam (',' activationParam)*)? ')' '=' expr ';' ;
activationParam : name ('=' number)? ;
expr          : '(' expr ')'                                         # parenExpr
              | name '(' (exprArg (',' exprArg)*)? ')'               # callExpr
              | <assoc=right> expr '^' expr                          # powerExpr
              | '-' expr                                             # negateExpr
              | expr op=('*' | '/') expr                             # productExpr
              | expr op=('+' | '-') expr                             # sumExpr
              | expr op=('<' | '<=' | '>' | '>=') expr               # compareExpr
              | NUMBER                                               # numberExpr
              | name                                                 # nameExpr
              ;
exprArg       : (name '=')? expr ;

name          : NAME | BAD_NAME
              | 'package' | 'network' | 'input' | 'dense' | 'as' | 'loss' | 'init'
              | 'optimizer' | 'regularize' | 'clip' | 'precision' | 'weights' | 'bias'
              | 'conv' | 'maxpool' | 'avgpool' | 'stride' | 'padding' | 'dropout'
              | 'activation'
              ;

// Dimensions, one token because `5x5` would otherwise be the number 5 and the name x5: whole
// numbers joined by 'x', with spaces or tabs around the 'x' or not (`5x5`, `28 x 28 x 1`).
DIMS          : DIGIT+ ( [ \t]* 'x' [ \t]* DIGIT+ )+ ;
NUMBER        : ( {signAllowed()}? '-' )? ( DIGIT+ ('.' DIGIT+)? | '.' DIGIT+ ) ( [eE] [+-]? DIGIT+ )? ;
NAME          : [A-Za-z_] [A-Za-z0-9_]* ;
// A word that is a name but for its non-ASCII letters: longer than the NAME it starts with.
BAD_NAME      : [\p{L}\p{Nl}_] [\p{L}\p{Nl}\p{N}\p{M}_]* ;

WS            : [ \t\r\n\f]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> channel(HIDDEN) ;
STRAY         : . -> channel(HIDDEN) ;

fragment DIGIT : [0-9] ;
